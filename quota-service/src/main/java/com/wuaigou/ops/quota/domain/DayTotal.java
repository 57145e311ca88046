package com.wuaigou.ops.quota.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Running totals of one item's work on one day, for one person or for the item's group.
 *
 * @param logs            how many logs the totals hold
 * @param quantity        units logged
 * @param loggedMinutes   minutes logged
 * @param creditedMinutes workload minutes credited: standard minutes per unit, otherwise the minutes logged; for the
 *                        group, once per crew member
 */
public record DayTotal(long itemId, LocalDate day, int logs, BigDecimal quantity, long loggedMinutes,
                       long creditedMinutes) {

    public DayTotal plus(DayTotal other) {
        return new DayTotal(itemId, day, logs + other.logs, quantity.add(other.quantity),
                loggedMinutes + other.loggedMinutes, creditedMinutes + other.creditedMinutes);
    }

    /** The same totals taken away, as a correction takes a log's former state out. */
    public DayTotal negated() {
        return new DayTotal(itemId, day, -logs, quantity.negate(), -loggedMinutes, -creditedMinutes);
    }
}
