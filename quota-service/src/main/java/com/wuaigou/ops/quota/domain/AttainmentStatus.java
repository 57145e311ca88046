package com.wuaigou.ops.quota.domain;

/** How done compares with the target of a window. */
public enum AttainmentStatus {
    SHORT, MET, EXCEEDED, NO_TARGET;

    public boolean isMet() {
        return this == MET || this == EXCEEDED;
    }
}
