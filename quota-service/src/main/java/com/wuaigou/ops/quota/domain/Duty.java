package com.wuaigou.ops.quota.domain;

/** Whether an assignment is the person's primary responsibility or a flexible task given by the manager. */
public enum Duty {
    PRIMARY, FLEXIBLE
}
