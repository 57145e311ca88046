package com.wuaigou.ops.quota.domain;

/** What a target number is counted per. */
public enum Period {
    HOUR, DAY, WEEK, MONTH
}
