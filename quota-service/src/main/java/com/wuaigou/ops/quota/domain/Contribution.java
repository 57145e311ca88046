package com.wuaigou.ops.quota.domain;

import java.util.List;

/**
 * What one log adds to the running totals: the same day total to every person it credits, a day total for its item
 * that counts the log once (crediting its minutes once per crew member), and a slot cover for every person it credits.
 */
public record Contribution(LogFact log, DayTotal perPerson, DayTotal item, List<SlotCover> covers) {

    public static Contribution of(ItemSpec item, LogFact log) {
        long credit = item.creditFor(log);
        DayTotal perPerson = new DayTotal(log.itemId(), log.workDate(), 1, log.quantity(), log.loggedMinutes(), credit);
        DayTotal whole = new DayTotal(log.itemId(), log.workDate(), 1, log.quantity(), log.loggedMinutes(),
                credit * log.crew().size());
        List<SlotCover> covers = log.slot() == null ? List.of()
                : log.crew().stream().map(member -> new SlotCover(log.itemId(), log.workDate(), log.slot(), member)).toList();
        return new Contribution(log, perPerson, whole, covers);
    }
}
