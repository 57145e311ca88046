package com.wuaigou.ops.common.roster;

/** Employment status as personnel-service publishes it. */
public enum StaffStatus {
    ACTIVE, ON_LEAVE, LEFT
}
