package com.wuaigou.ops.quota.service;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Fired in the transaction of a change that moves what items ask from {@code date} on (a new number, a retirement, a
 * holiday or make-up working day), so their windows holding that date are judged again.
 *
 * @param itemIds the items concerned, or null for every item
 */
public record TargetsMoved(Collection<Long> itemIds, LocalDate date) {
}
