package com.wuaigou.ops.quota.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/** A day, an ISO week or a calendar month, both ends inclusive. */
public record Window(WindowKind kind, LocalDate start, LocalDate end) {

    public Window {
        Objects.requireNonNull(kind);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A window ends on or after its start");
        }
    }

    /** The window of {@code kind} that contains {@code date}. */
    public static Window of(WindowKind kind, LocalDate date) {
        return switch (kind) {
            case DAY -> new Window(kind, date, date);
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Window(kind, monday, monday.plusDays(6));
            }
            case MONTH -> new Window(kind, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** The period instance (day, ISO week, month) that contains {@code date}; hours count per day. */
    public static Window of(Period period, LocalDate date) {
        return switch (period) {
            case HOUR, DAY -> of(WindowKind.DAY, date);
            case WEEK -> of(WindowKind.WEEK, date);
            case MONTH -> of(WindowKind.MONTH, date);
        };
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(end) && (to == null || !to.isBefore(start));
    }
}
