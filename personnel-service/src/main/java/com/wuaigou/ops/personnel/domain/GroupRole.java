package com.wuaigou.ops.personnel.domain;

/** A person's role in their group. */
public enum GroupRole {
    MEMBER,
    MANAGER
}
