package com.wuaigou.ops.personnel.domain;

/** Whether a person works, is away for a while, or has left the department for good. */
public enum StaffStatus {
    ACTIVE,
    ON_LEAVE,
    LEFT
}
