package com.wuaigou.ops.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Just enough JSON writing to send a body with one value exactly as written ({@code 1e308}, {@code 0}). */
final class Json {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    /** A value written as it is. */
    record Raw(String json) {
    }

    private Json() {
    }

    static String write(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof Map<?, ?> object) {
            return object.entrySet().stream().map(e -> write(String.valueOf(e.getKey())) + ":" + write(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Json::write).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof String text) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return quoted.append('"').toString();
        }
        return String.valueOf(value);
    }

    /** A copy of {@code value} with the field at {@code path} ({@code shifts[0].date}) replaced. */
    static Object replace(Object value, String path, Object replacement) {
        List<String> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(path);
        while (matcher.find()) {
            segments.add(matcher.group(1) != null ? matcher.group(1) : "[" + matcher.group(2));
        }
        return replace(value, segments, 0, replacement);
    }

    private static Object replace(Object value, List<String> segments, int at, Object replacement) {
        if (at == segments.size()) {
            return replacement;
        }
        String segment = segments.get(at);
        if (segment.startsWith("[") && value instanceof List<?> list) {
            int index = Integer.parseInt(segment.substring(1));
            List<Object> copy = new ArrayList<>(list);
            copy.set(index, replace(list.get(index), segments, at + 1, replacement));
            return copy;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> copy.put(String.valueOf(k), v));
        copy.put(segment, replace(copy.get(segment), segments, at + 1, replacement));
        return copy;
    }
}
