package com.wuaigou.ops.quota.domain;

import com.wuaigou.ops.common.problem.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An item as the catalog CSV describes it, one field per column, with the rules each shape imposes. Both the CSV
 * import and the API go through it, so a row and a request are judged alike.
 */
public record ItemDefinition(String groupCode, String code, String category, String nameZh, String nameEn, Shape shape,
                             BigDecimal targetMin, BigDecimal targetMax, String unit, Period period, Integer stdMinutes,
                             Integer crewMin, Integer crewMax, String slots, String notes) {

    public static final List<String> CSV_COLUMNS = List.of("group", "code", "category", "name_zh", "name_en", "shape",
            "target_min", "target_max", "unit", "period", "std_minutes", "crew_min", "crew_max", "slots", "notes");

    private static final Map<String, String> API_FIELDS = Map.of("group", "groupCode", "name_zh", "nameZh",
            "name_en", "nameEn", "target_min", "targetMin", "target_max", "targetMax", "std_minutes", "stdMinutes",
            "crew_min", "crewMin", "crew_max", "crewMax");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,59}");
    private static final Set<Period> COUNT_PERIODS = Set.of(Period.DAY, Period.WEEK, Period.MONTH);
    /** The longest text each column keeps (the CSV has no other check; the API's request says the same). */
    private static final Map<String, Integer> LONGEST = Map.of("group", 40, "category", 60, "name_zh", 200,
            "name_en", 300, "unit", 40, "slots", 200, "notes", 500);
    /** What numeric(14, 4) keeps. */
    private static final BigDecimal LARGEST_TARGET = new BigDecimal("9999999999.9999");
    private static final int TARGET_DECIMALS = 4;
    private static final int LONGEST_STANDARD_MINUTES = 1440;
    private static final int LARGEST_CREW = 100;

    /** Every broken rule, each naming its field (CSV column names); empty when the definition is sound. */
    public List<Problem.FieldError> problems() {
        List<Problem.FieldError> errors = new ArrayList<>();
        required(errors, "group", groupCode);
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new Problem.FieldError("code", "must be upper-case letters, digits and dashes"));
        }
        required(errors, "category", category);
        required(errors, "name_zh", nameZh);
        required(errors, "name_en", nameEn);
        required(errors, "unit", unit);
        tooLong(errors, "group", groupCode);
        tooLong(errors, "category", category);
        tooLong(errors, "name_zh", nameZh);
        tooLong(errors, "name_en", nameEn);
        tooLong(errors, "unit", unit);
        tooLong(errors, "slots", slots);
        tooLong(errors, "notes", notes);
        if (shape == null) {
            errors.add(new Problem.FieldError("shape", "must be one of COUNT, RATE, STANDARD_TIME, DURATION, COVERAGE, TRACKED"));
            return errors;
        }
        errors.addAll(targetProblems(shape, targetMin, targetMax));
        switch (shape) {
            case COUNT -> {
                if (period == null || !COUNT_PERIODS.contains(period)) {
                    errors.add(new Problem.FieldError("period", "a COUNT item is counted per DAY, WEEK or MONTH"));
                }
            }
            case RATE -> expectPeriod(errors, Period.HOUR);
            case DURATION -> expectPeriod(errors, Period.DAY);
            case COVERAGE -> {
                expectPeriod(errors, Period.DAY);
                if (slots == null || slots.isBlank()) {
                    errors.add(new Problem.FieldError("slots", "a COVERAGE item names its slots, separated by ';'"));
                }
            }
            case STANDARD_TIME -> {
                if (stdMinutes == null || stdMinutes <= 0 || stdMinutes > LONGEST_STANDARD_MINUTES) {
                    errors.add(new Problem.FieldError("std_minutes",
                            "a STANDARD_TIME item needs minutes per unit above 0, at most a day's " + LONGEST_STANDARD_MINUTES));
                }
                if (crewMin == null || crewMin < 1) {
                    errors.add(new Problem.FieldError("crew_min", "must be at least 1"));
                } else if (crewMax == null || crewMax < crewMin || crewMax > LARGEST_CREW) {
                    errors.add(new Problem.FieldError("crew_max", "must be from crew_min to " + LARGEST_CREW));
                }
            }
            case TRACKED -> {
                if (period != null) {
                    errors.add(new Problem.FieldError("period", "a TRACKED item has no period"));
                }
            }
        }
        return errors;
    }

    /** The rules on a number for a shape: which shapes have one, and that 0 <= min <= max. */
    public static List<Problem.FieldError> targetProblems(Shape shape, BigDecimal min, BigDecimal max) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!shape.hasTarget()) {
            if (min != null || max != null) {
                errors.add(new Problem.FieldError("target_min", "a " + shape + " item has no target"));
            }
            return errors;
        }
        if (min == null || min.signum() <= 0) {
            errors.add(new Problem.FieldError("target_min", "a " + shape + " item needs a target above 0"));
        } else if (max != null && max.compareTo(min) < 0) {
            errors.add(new Problem.FieldError("target_max", "must not be below target_min"));
        }
        beyondColumn(errors, "target_min", min);
        beyondColumn(errors, "target_max", max);
        return errors;
    }

    /** The same problems named by the API's JSON fields instead of the CSV's columns. */
    public List<Problem.FieldError> apiProblems() {
        return problems().stream()
                .map(e -> new Problem.FieldError(API_FIELDS.getOrDefault(e.field(), e.field()), e.message()))
                .toList();
    }

    /** The number as stored: a single number has equal ends; null for shapes without one. */
    public TargetRange target() {
        return targetMin == null ? null : new TargetRange(targetMin, targetMax);
    }

    private void expectPeriod(List<Problem.FieldError> errors, Period expected) {
        if (period != expected) {
            errors.add(new Problem.FieldError("period", "a " + shape + " item is counted per " + expected));
        }
    }

    private static void tooLong(List<Problem.FieldError> errors, String column, String text) {
        if (text != null && text.length() > LONGEST.get(column)) {
            errors.add(new Problem.FieldError(column, "must not be longer than " + LONGEST.get(column)));
        }
    }

    private static void beyondColumn(List<Problem.FieldError> errors, String column, BigDecimal value) {
        if (value != null && (value.abs().compareTo(LARGEST_TARGET) > 0 || value.stripTrailingZeros().scale() > TARGET_DECIMALS)) {
            errors.add(new Problem.FieldError(column, "must be at most " + LARGEST_TARGET.toPlainString() + " with at most "
                    + TARGET_DECIMALS + " decimals"));
        }
    }

    private static void required(List<Problem.FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "must not be blank"));
        }
    }
}
