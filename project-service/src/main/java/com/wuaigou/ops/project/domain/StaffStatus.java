package com.wuaigou.ops.project.domain;

/** Employment status as personnel-service publishes it. */
public enum StaffStatus {
    ACTIVE, ON_LEAVE, LEFT
}
