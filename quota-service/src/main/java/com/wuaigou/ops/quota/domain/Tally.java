package com.wuaigou.ops.quota.domain;

import java.util.List;

/** What the arithmetic reads of a subject's work on an item: its day totals and the slots it covered. */
public record Tally(List<DayTotal> days, List<SlotCover> covers) {

    public static final Tally EMPTY = new Tally(List.of(), List.of());

    public Tally {
        days = List.copyOf(days);
        covers = List.copyOf(covers);
    }
}
