package com.wuaigou.ops.personnel.domain;

/** A shift is either planned or called off; cancelled shifts stay for the record. */
public enum ShiftStatus {
    SCHEDULED,
    CANCELLED
}
