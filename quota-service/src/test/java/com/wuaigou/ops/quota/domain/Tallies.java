package com.wuaigou.ops.quota.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Running totals summed straight from logs with the service's own {@link Contribution} arithmetic. */
public final class Tallies {

    private Tallies() {
    }

    /** The group's totals of an item: each log once. */
    public static Tally group(ItemSpec item, List<LogFact> logs) {
        List<Contribution> contributions = logs.stream().map(log -> Contribution.of(item, log)).toList();
        return new Tally(sumByDay(contributions.stream().map(Contribution::item).toList()),
                contributions.stream().flatMap(c -> c.covers().stream()).distinct().toList());
    }

    /** A person's totals of an item: every log crediting them. */
    public static Tally person(long staffId, ItemSpec item, List<LogFact> logs) {
        List<Contribution> contributions = logs.stream().filter(log -> log.crew().contains(staffId))
                .map(log -> Contribution.of(item, log)).toList();
        return new Tally(sumByDay(contributions.stream().map(Contribution::perPerson).toList()),
                contributions.stream().flatMap(c -> c.covers().stream()).filter(c -> c.staffId() == staffId).distinct().toList());
    }

    /** A person's day totals over all items. */
    public static List<DayTotal> days(long staffId, Map<Long, ItemSpec> items, List<LogFact> logs) {
        List<DayTotal> days = new ArrayList<>();
        items.values().forEach(item -> days.addAll(person(staffId, item,
                logs.stream().filter(log -> log.itemId() == item.id()).toList()).days()));
        return days;
    }

    private static List<DayTotal> sumByDay(List<DayTotal> totals) {
        Map<LocalDate, DayTotal> byDay = new TreeMap<>();
        totals.forEach(total -> byDay.merge(total.day(), total, DayTotal::plus));
        return List.copyOf(byDay.values());
    }
}
