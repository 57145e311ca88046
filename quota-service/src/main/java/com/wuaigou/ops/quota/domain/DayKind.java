package com.wuaigou.ops.quota.domain;

/** How a calendar day counts. HOLIDAY and MAKEUP_WORKDAY are stored exceptions; the others follow the weekday. */
public enum DayKind {
    WORKDAY, REST_DAY, HOLIDAY, MAKEUP_WORKDAY;

    public boolean isException() {
        return this == HOLIDAY || this == MAKEUP_WORKDAY;
    }
}
