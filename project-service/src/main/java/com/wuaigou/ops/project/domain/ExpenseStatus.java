package com.wuaigou.ops.project.domain;

/**
 * Whether an expense counts as spent. An expense that would take its line over budget waits for the group manager
 * (PENDING_APPROVAL) and counts only once APPROVED; REJECTED ones never count.
 */
public enum ExpenseStatus {
    ACCEPTED, PENDING_APPROVAL, APPROVED, REJECTED;

    public boolean counts() {
        return this == ACCEPTED || this == APPROVED;
    }
}
