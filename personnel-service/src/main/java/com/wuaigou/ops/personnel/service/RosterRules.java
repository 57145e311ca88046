package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;

import java.util.List;

/** The roster's rules, each with the slug its refusal names (the problem {@code type} ends with it). */
public final class RosterRules {

    public static final String ONE_MANAGER_PER_GROUP = "one-manager-per-group";
    public static final String MANAGER_MUST_BE_ACTIVE_MEMBER = "manager-must-be-active-member";
    public static final String ONE_GROUP_AT_A_TIME = "one-group-at-a-time";
    public static final String UNIQUE_EMPLOYEE_NUMBER = "unique-employee-number";
    public static final String UNIQUE_GROUP_CODE = "unique-group-code";
    public static final String UNIQUE_POST_CODE = "unique-post-code";
    public static final String UNKNOWN_GROUP = "unknown-group";
    public static final String UNKNOWN_POST = "unknown-post";
    public static final String UNKNOWN_STAFF = "unknown-staff";
    public static final String POST_NOT_IN_GROUP = "post-not-in-group";
    public static final String LEFT_IS_FINAL = "left-is-final";
    public static final String NO_FUTURE_MOVES = "no-future-moves";
    public static final String STATUS_DATE_IN_PLACEMENT = "status-date-within-placement";
    public static final String NO_OVERLAPPING_SHIFTS = "no-overlapping-shifts";
    public static final String SLOT_CAPACITY = "slot-capacity";
    public static final String SHIFT_NEEDS_ACTIVE_STAFF = "shift-needs-active-staff";
    public static final String SHIFT_IN_WEEK = "shift-in-week";
    public static final String SHIFT_ALREADY_CANCELLED = "shift-already-cancelled";
    public static final String VALID_IMPORT = "valid-import";

    private RosterRules() {
    }

    public static ProblemException unknown(String rule, String field, String detail) {
        return ProblemException.ruleViolation(rule, detail, List.of(new Problem.FieldError(field, detail)));
    }
}
