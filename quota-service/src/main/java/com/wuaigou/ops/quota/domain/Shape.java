package com.wuaigou.ops.quota.domain;

/** The six shapes of workload in the plan; each has its own arithmetic. */
public enum Shape {
    /** Units per day, ISO week or month: one number or a range. */
    COUNT,
    /** Units per logged hour. */
    RATE,
    /** No target count: each unit credits standard minutes to each crew member. */
    STANDARD_TIME,
    /** Minutes per day logged against minutes required. */
    DURATION,
    /** Required time slots per working day that someone covered. */
    COVERAGE,
    /** Done, but without a number. */
    TRACKED;

    /** Whether the shape has a number a group can split into shares. */
    public boolean hasDivisibleTarget() {
        return this == COUNT || this == DURATION || this == COVERAGE;
    }

    public boolean hasTarget() {
        return this != STANDARD_TIME && this != TRACKED;
    }
}
