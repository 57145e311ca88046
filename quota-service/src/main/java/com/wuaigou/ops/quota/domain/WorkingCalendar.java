package com.wuaigou.ops.quota.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which days are working days: the working weekdays, minus public holidays, plus make-up working days that Chinese
 * calendars move onto weekends.
 */
public final class WorkingCalendar {

    private final Set<DayOfWeek> workingWeekdays;
    private final Map<LocalDate, DayKind> exceptions;

    public WorkingCalendar(Set<DayOfWeek> workingWeekdays, Map<LocalDate, DayKind> exceptions) {
        this.workingWeekdays = EnumSet.copyOf(workingWeekdays);
        this.exceptions = new HashMap<>(exceptions);
    }

    public static WorkingCalendar mondayToFriday(Map<LocalDate, DayKind> exceptions) {
        return new WorkingCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), exceptions);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind exception = exceptions.get(date);
        if (exception != null) {
            return exception == DayKind.MAKEUP_WORKDAY;
        }
        return workingWeekdays.contains(date.getDayOfWeek());
    }

    /** How the day counts: a working weekday, a weekend day, a holiday or a make-up working day. */
    public DayKind kindOf(LocalDate date) {
        DayKind exception = exceptions.get(date);
        if (exception != null) {
            return exception;
        }
        return workingWeekdays.contains(date.getDayOfWeek()) ? DayKind.WORKDAY : DayKind.REST_DAY;
    }

    /** Working days from {@code from} to {@code to}, both inclusive. */
    public int workingDays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public int workingDays(Window window) {
        return workingDays(window.start(), window.end());
    }
}
