package com.wuaigou.ops.quota.domain;

/** The windows attainment is reported for; a week is an ISO week (Monday to Sunday). */
public enum WindowKind {
    DAY, WEEK, MONTH
}
