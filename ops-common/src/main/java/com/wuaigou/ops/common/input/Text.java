package com.wuaigou.ops.common.input;

/**
 * Which characters text may hold. Control characters are never data (PostgreSQL cannot even store U+0000), so they
 * are refused everywhere; line breaks and tabs only where a field is one line.
 */
public final class Text {

    private Text() {
    }

    /** The first control character other than tab, line feed and carriage return, or -1. */
    public static int firstControlCharacter(String text) {
        return first(text, true);
    }

    /** The first control character, tab and line breaks included, or -1. */
    public static int firstLineBreakOrControlCharacter(String text) {
        return first(text, false);
    }

    /** How a refused character is named in a problem: U+0000. */
    public static String describe(int character) {
        return String.format("U+%04X", character);
    }

    private static int first(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return c;
            }
        }
        return -1;
    }
}
