package com.wuaigou.ops.quota.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the arithmetic needs to know of a catalog item: its shape, period, slots, standard minutes and the group's
 * number as a dated history.
 */
public record ItemSpec(long id, String code, String groupCode, Shape shape, Period period, String unit,
                       Integer stdMinutes, List<String> slots, NavigableMap<LocalDate, TargetRange> targets,
                       LocalDate retiredOn) {

    public ItemSpec {
        slots = List.copyOf(slots);
        targets = new TreeMap<>(targets);
    }

    /** The group's number in force on {@code date}, or null when there is none (no number, not yet, or retired). */
    public TargetRange targetOn(LocalDate date) {
        if (retiredOn != null && !date.isBefore(retiredOn)) {
            return null;
        }
        Map.Entry<LocalDate, TargetRange> entry = targets.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }

    /**
     * The group's requirement on {@code date} in the unit attainment counts: units for counts, minutes for durations,
     * slot-persons for coverage (every slot needs the target number of people).
     */
    public TargetRange requirementOn(LocalDate date) {
        TargetRange target = targetOn(date);
        if (target == null || shape == Shape.RATE) {
            return target;
        }
        if (shape == Shape.COVERAGE) {
            BigDecimal slotCount = BigDecimal.valueOf(Math.max(1, slots.size()));
            return new TargetRange(target.low().multiply(slotCount), target.low().multiply(slotCount));
        }
        return target;
    }

    /** Minutes one crew member is credited for a log: standard minutes per unit, otherwise the minutes logged. */
    public long creditFor(LogFact log) {
        if (shape == Shape.STANDARD_TIME && stdMinutes != null) {
            return log.quantity().multiply(BigDecimal.valueOf(stdMinutes)).setScale(0, RoundingMode.HALF_UP).longValue();
        }
        return log.loggedMinutes();
    }
}
