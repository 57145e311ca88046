package com.wuaigou.ops.personnel.rest;

import com.wuaigou.ops.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads query parameters by hand: JAX-RS answers a query parameter it cannot convert with 404, where a client needs a
 * 400 naming the parameter.
 */
final class QueryValues {

    private QueryValues() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date YYYY-MM-DD, not " + value);
        }
    }

    /** A required month, YYYY-MM. */
    static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required, as YYYY-MM");
        }
        if (!value.trim().matches("\\d{4}-\\d{2}")) {
            throw ProblemException.badRequest(name, "must be a month YYYY-MM, not " + value);
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a month YYYY-MM, not " + value);
        }
    }

    static <E extends Enum<E>> E option(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
