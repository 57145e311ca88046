package com.wuaigou.ops.quota.domain;

import java.time.LocalDate;

/** A person covered a slot of a coverage item on a day (with at least one log). */
public record SlotCover(long itemId, LocalDate day, String slot, long staffId) {
}
