package com.wuaigou.ops.quota.domain;

public enum StaffStatus {
    ACTIVE, ON_LEAVE, LEFT
}
