package com.wuaigou.ops.quota.domain;

import java.time.LocalDate;

/**
 * One assignment of an item to a person, as the arithmetic sees it: from and to (inclusive, null = open) and the
 * person's own share, or null for the whole item.
 */
public record AssignmentSpan(LocalDate from, LocalDate to, TargetRange share) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
