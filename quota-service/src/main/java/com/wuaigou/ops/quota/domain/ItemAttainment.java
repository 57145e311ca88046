package com.wuaigou.ops.quota.domain;

import java.math.BigDecimal;

/**
 * One item's figures for a subject and window.
 *
 * @param target          the number for the window (units, minutes or slots; units per hour for rates); null without one
 * @param done            units done (counts, tracked, standard time), minutes (durations), slots covered (coverage)
 * @param loggedMinutes   minutes logged on the item
 * @param ratePerHour     units per logged hour, for rate items
 * @param creditedMinutes workload minutes credited: standard minutes per unit and crew member, otherwise minutes logged
 * @param ratio           done against the low end of the target (rate against the rate), null without a target
 */
public record ItemAttainment(ItemSpec item, boolean planned, TargetRange target, BigDecimal done, long loggedMinutes,
                             BigDecimal ratePerHour, long creditedMinutes, BigDecimal ratio, AttainmentStatus status) {
}
