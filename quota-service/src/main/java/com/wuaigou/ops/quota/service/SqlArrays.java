package com.wuaigou.ops.quota.service;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals, bound as one text parameter and cast in SQL ({@code cast(:ids as bigint[])}), so a batch
 * of rows travels in one statement.
 */
final class SqlArrays {

    private SqlArrays() {
    }

    static <T> String of(Collection<T> rows, Function<T, ?> field) {
        return rows.stream().map(field).map(SqlArrays::element).collect(Collectors.joining(",", "{", "}"));
    }

    static String of(Collection<?> values) {
        return of(values, Function.identity());
    }

    private static String element(Object value) {
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
