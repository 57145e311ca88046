package com.wuaigou.ops.quota.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {

    @Test
    void shouldCountMondayToFridayByDefault() {
        WorkingCalendar calendar = WorkingCalendar.mondayToFriday(Map.of());

        // February 2026 starts on a Sunday: four full weeks, Feb 2 to Feb 27.
        assertThat(calendar.workingDays(Window.of(WindowKind.MONTH, LocalDate.of(2026, 2, 10)))).isEqualTo(20);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isFalse();
    }

    @Test
    void shouldDropHolidaysAndAddMakeUpWorkingDays() {
        WorkingCalendar calendar = WorkingCalendar.mondayToFriday(Map.of(
                LocalDate.of(2026, 2, 11), DayKind.HOLIDAY,
                LocalDate.of(2026, 2, 14), DayKind.MAKEUP_WORKDAY));

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 11))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.kindOf(LocalDate.of(2026, 2, 15))).isEqualTo(DayKind.REST_DAY);
        assertThat(calendar.workingDays(Window.of(WindowKind.WEEK, LocalDate.of(2026, 2, 11)))).isEqualTo(5);
    }

    @Test
    void shouldUseIsoWeeksFromMondayToSundayAcrossMonthEnds() {
        Window week = Window.of(WindowKind.WEEK, LocalDate.of(2026, 4, 1));

        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(week.end()).isEqualTo(LocalDate.of(2026, 4, 5));
    }
}
