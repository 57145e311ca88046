package com.wuaigou.ops.common.concurrency;

import com.wuaigou.ops.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code If-Match} header as RFC 9110 (section 13.1.1) defines it: absent, {@code *}, or a comma-separated list of
 * entity tags. It matches a resource's version by strong comparison, so a weak tag ({@code W/"3"}) never matches, and
 * neither does a well-formed tag this API never issues ({@code "abc"}); both answer 412 like any other stale tag. A
 * header that is not such a list is a 400 naming {@code If-Match}.
 */
public final class IfMatch {

    /** The header's name. */
    public static final String HEADER = "If-Match";

    private static final IfMatch ABSENT = new IfMatch(false, List.of(), null);
    private static final String MALFORMED = "must be * or a list of ETags such as \"3\"";

    private final boolean any;
    private final List<Tag> tags;
    private final String sent;

    private IfMatch(boolean any, List<Tag> tags, String sent) {
        this.any = any;
        this.tags = tags;
        this.sent = sent;
    }

    /** The header as sent; {@code null} when the request had none. */
    public static IfMatch parse(String header) {
        if (header == null) {
            return ABSENT;
        }
        String value = header.trim();
        if (value.equals("*")) {
            return new IfMatch(true, List.of(), value);
        }
        List<Tag> tags = new ArrayList<>();
        int at = 0;
        while (true) {
            at = skipSpace(value, at);
            boolean weak = value.startsWith("W/", at);
            int open = weak ? at + 2 : at;
            if (open >= value.length() || value.charAt(open) != '"') {
                throw ProblemException.badRequest(HEADER, MALFORMED);
            }
            int close = value.indexOf('"', open + 1);
            if (close < 0) {
                throw ProblemException.badRequest(HEADER, MALFORMED);
            }
            String opaque = value.substring(open + 1, close);
            if (!opaque.chars().allMatch(IfMatch::isEtagChar)) {
                throw ProblemException.badRequest(HEADER, MALFORMED);
            }
            tags.add(new Tag(weak, opaque));
            at = skipSpace(value, close + 1);
            if (at == value.length()) {
                return new IfMatch(false, List.copyOf(tags), value);
            }
            if (value.charAt(at) != ',') {
                throw ProblemException.badRequest(HEADER, MALFORMED);
            }
            at++;
        }
    }

    /**
     * Whether a header as sent names versions: present, and not {@code *}; only then is a lost race a failed
     * precondition. Lenient, for reading the header of a request that has already failed.
     */
    public static boolean namesVersions(String header) {
        return header != null && !header.isBlank() && !header.trim().equals("*");
    }

    public boolean isPresent() {
        return sent != null;
    }

    /** Strong comparison: {@code *} or a strong tag equal to the version's ETag. */
    public boolean matches(long version) {
        String current = Long.toString(version);
        return any || tags.stream().anyMatch(tag -> !tag.weak() && tag.opaque().equals(current));
    }

    @Override
    public String toString() {
        return sent == null ? "" : sent;
    }

    private static int skipSpace(String value, int at) {
        while (at < value.length() && (value.charAt(at) == ' ' || value.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    /** etagc in RFC 9110: visible ASCII but the double quote, and obs-text. */
    private static boolean isEtagChar(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
    }

    private record Tag(boolean weak, String opaque) {
    }
}
