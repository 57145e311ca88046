package com.wuaigou.ops.quota.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-worked examples; February 2026 has 20 working days (Mon Feb 2 to Fri Feb 27). */
class AttainmentCalculatorTest {

    private static final long ANNA = 1;
    private static final long BO = 2;
    private static final long CHEN = 3;
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    private final AttainmentCalculator plain = new AttainmentCalculator(WorkingCalendar.mondayToFriday(Map.of()));

    @Test
    void shouldAskTwentyOfAOnePerDayItemInAMonthWithTwentyWorkingDays() {
        ItemSpec baike = count("PB-BAIDU-BAIKE", Period.DAY, "1", "1");
        Window february = month(2026, 2);

        assertThat(groupOf(baike, february, 20).target()).isEqualTo(TargetRange.of("20", "20"));
        assertThat(groupOf(baike, february, 20).status()).isEqualTo(AttainmentStatus.MET);
        assertThat(groupOf(baike, february, 19).status()).isEqualTo(AttainmentStatus.SHORT);
        assertThat(groupOf(baike, february, 19).ratio()).isEqualByComparingTo("0.95");
        assertThat(groupOf(baike, february, 21).status()).isEqualTo(AttainmentStatus.EXCEEDED);
    }

    @Test
    void shouldMeetARangeFromItsLowEnd() {
        ItemSpec weibo = count("PB-SINA-WEIBO", Period.DAY, "2", "4");
        Window week = Window.of(WindowKind.WEEK, LocalDate.of(2026, 2, 4));

        assertThat(groupOf(weibo, week, 10).target()).isEqualTo(TargetRange.of("10", "20"));
        assertThat(groupOf(weibo, week, 9).status()).isEqualTo(AttainmentStatus.SHORT);
        assertThat(groupOf(weibo, week, 10).status()).isEqualTo(AttainmentStatus.MET);
        assertThat(groupOf(weibo, week, 10).ratio()).isEqualByComparingTo("1");
        assertThat(groupOf(weibo, week, 20).status()).isEqualTo(AttainmentStatus.MET);
        assertThat(groupOf(weibo, week, 21).status()).isEqualTo(AttainmentStatus.EXCEEDED);
    }

    @Test
    void shouldJudgeHalfAPerDayOverTheWindow() {
        ItemSpec page = count("DESIGN-PAGE", Period.DAY, "0.5", "0.5");
        Window day = Window.of(WindowKind.DAY, LocalDate.of(2026, 2, 4));
        Window week = Window.of(WindowKind.WEEK, LocalDate.of(2026, 2, 4));

        assertThat(groupOf(page, month(2026, 2), 10).target()).isEqualTo(TargetRange.of("10", "10"));
        assertThat(groupOf(page, month(2026, 2), 10).status()).isEqualTo(AttainmentStatus.MET);
        assertThat(groupOf(page, week, 2).target()).isEqualTo(TargetRange.of("2.5", "2.5"));
        assertThat(groupOf(page, week, 2).status()).isEqualTo(AttainmentStatus.SHORT);
        assertThat(groupOf(page, week, 3).status()).isEqualTo(AttainmentStatus.MET);
        assertThat(groupOf(page, week, 4).status()).isEqualTo(AttainmentStatus.EXCEEDED);
        assertThat(groupOf(page, day, 0).status()).isEqualTo(AttainmentStatus.SHORT);
        assertThat(groupOf(page, day, 1).status()).isEqualTo(AttainmentStatus.MET);
    }

    @Test
    void shouldSplitAWeeklyNumberOfAWeekCrossingAMonthEndByWorkingDays() {
        ItemSpec forum = count("PB-FORUM-ARTICLE", Period.WEEK, "10", "10");

        // Mon Mar 30 and Tue Mar 31 are 2 of the 5 working days of the week to Sun Apr 5.
        assertThat(groupOf(forum, month(2026, 3), 0).target()).isEqualTo(TargetRange.of("44", "44"));
        // April: Apr 1-3 (3/5 of 10) + three full weeks + Apr 27-30 (4/5 of 10) = 6 + 30 + 8.
        assertThat(groupOf(forum, month(2026, 4), 0).target()).isEqualTo(TargetRange.of("44", "44"));
        assertThat(groupOf(forum, Window.of(WindowKind.WEEK, LocalDate.of(2026, 3, 31)), 0).target())
                .isEqualTo(TargetRange.of("10", "10"));
    }

    @Test
    void shouldFollowHolidaysAndMakeUpWorkingDays() {
        AttainmentCalculator calculator = new AttainmentCalculator(WorkingCalendar.mondayToFriday(Map.of(
                LocalDate.of(2026, 2, 11), DayKind.HOLIDAY,
                LocalDate.of(2026, 2, 14), DayKind.MAKEUP_WORKDAY,
                LocalDate.of(2026, 2, 16), DayKind.HOLIDAY)));
        ItemSpec daily = count("PB-BAIDU-ZHIDAO", Period.DAY, "1", "1");
        ItemSpec weekly = count("PB-FORUM-ARTICLE", Period.WEEK, "10", "10");

        // 20 weekdays - 2 holidays + 1 make-up Saturday.
        assertThat(calculator.forGroup(daily, Tally.EMPTY, month(2026, 2)).target()).isEqualTo(TargetRange.of("19", "19"));
        assertThat(calculator.forGroup(daily, Tally.EMPTY, Window.of(WindowKind.DAY, LocalDate.of(2026, 2, 14))).target())
                .isEqualTo(TargetRange.of("1", "1"));
        assertThat(calculator.forGroup(daily, Tally.EMPTY, Window.of(WindowKind.DAY, LocalDate.of(2026, 2, 11))).status())
                .isEqualTo(AttainmentStatus.NO_TARGET);
        // A week with a holiday still asks its whole weekly number over its remaining working days.
        assertThat(calculator.forGroup(weekly, Tally.EMPTY, Window.of(WindowKind.WEEK, LocalDate.of(2026, 2, 16))).target())
                .isEqualTo(TargetRange.of("10", "10"));
        assertThat(calculator.forGroup(weekly, Tally.EMPTY, month(2026, 2)).target()).isEqualTo(TargetRange.of("40", "40"));
    }

    @Test
    void shouldProrateAMonthlyRangeForAnAssignmentStartingMidMonth() {
        ItemSpec largeEvents = count("PB-EVENT-LARGE", Period.MONTH, "3", "4");
        List<AssignmentSpan> fromSixteenth = List.of(new AssignmentSpan(LocalDate.of(2026, 2, 16), null, null));

        // 10 of February's 20 working days: 1.5 to 2.
        ItemAttainment two = personOf(ANNA, largeEvents, fromSixteenth, logs(largeEvents, ANNA, 2), month(2026, 2));
        assertThat(two.target()).isEqualTo(TargetRange.of("1.5", "2"));
        assertThat(two.status()).isEqualTo(AttainmentStatus.MET);
        assertThat(personOf(ANNA, largeEvents, fromSixteenth, logs(largeEvents, ANNA, 1), month(2026, 2)).status())
                .isEqualTo(AttainmentStatus.SHORT);
        assertThat(personOf(ANNA, largeEvents, fromSixteenth, logs(largeEvents, ANNA, 3), month(2026, 2)).status())
                .isEqualTo(AttainmentStatus.EXCEEDED);
    }

    @Test
    void shouldGiveEachMemberTheirOwnShareForTheDaysTheyHoldIt() {
        ItemSpec weibo = count("PB-SINA-WEIBO", Period.DAY, "2", "4");
        TargetRange oneToTwo = TargetRange.of("1", "2");
        List<AssignmentSpan> bo = List.of(new AssignmentSpan(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 20), oneToTwo));

        ItemAttainment figures = personOf(BO, weibo, bo, logs(weibo, BO, 10), month(2026, 2));

        assertThat(figures.target()).isEqualTo(TargetRange.of("10", "20"));
        assertThat(figures.status()).isEqualTo(AttainmentStatus.MET);
        assertThat(figures.planned()).isTrue();
    }

    @Test
    void shouldKeepTheOldNumberForDaysBeforeATargetChange() {
        TreeMap<LocalDate, TargetRange> history = new TreeMap<>(Map.of(
                EPOCH, TargetRange.of("1", "1"), LocalDate.of(2026, 2, 16), TargetRange.of("2", "2")));
        ItemSpec changed = new ItemSpec(9, "PB-TIANYA", "PB", Shape.COUNT, Period.DAY, "post", null, List.of(), history, null);

        assertThat(plain.forGroup(changed, Tally.EMPTY, month(2026, 2)).target()).isEqualTo(TargetRange.of("30", "30"));
    }

    @Test
    void shouldNotAskARetiredItemFromItsRetirementOn() {
        ItemSpec retired = new ItemSpec(9, "PB-MOP", "PB", Shape.COUNT, Period.DAY, "post", null, List.of(),
                new TreeMap<>(Map.of(EPOCH, TargetRange.of("1", "1"))), LocalDate.of(2026, 2, 16));

        assertThat(plain.forGroup(retired, Tally.EMPTY, month(2026, 2)).target()).isEqualTo(TargetRange.of("10", "10"));
    }

    @Test
    void shouldReportUnitsPerLoggedHourForRateItems() {
        ItemSpec calls = spec("CS-MERCHANT-CALL", Shape.RATE, Period.HOUR, "10", null, null, List.of());
        List<AssignmentSpan> whole = List.of(new AssignmentSpan(EPOCH, null, null));
        Window day = Window.of(WindowKind.DAY, LocalDate.of(2026, 2, 4));

        ItemAttainment fast = personOf(ANNA, calls, whole, List.of(log(calls, ANNA, day.start(), "25", 120, null)), day);
        ItemAttainment even = personOf(ANNA, calls, whole, List.of(log(calls, ANNA, day.start(), "20", 120, null)), day);
        ItemAttainment slow = personOf(ANNA, calls, whole, List.of(
                log(calls, ANNA, day.start(), "10", 60, null), log(calls, ANNA, day.start(), "5", 60, null)), day);

        assertThat(fast.ratePerHour()).isEqualByComparingTo("12.5");
        assertThat(fast.status()).isEqualTo(AttainmentStatus.EXCEEDED);
        assertThat(even.status()).isEqualTo(AttainmentStatus.MET);
        assertThat(slow.ratePerHour()).isEqualByComparingTo("7.5");
        assertThat(slow.ratio()).isEqualByComparingTo("0.75");
        assertThat(slow.status()).isEqualTo(AttainmentStatus.SHORT);
        assertThat(slow.target()).isEqualTo(TargetRange.of("10", "10"));
    }

    @Test
    void shouldCompareLoggedMinutesWithRequiredMinutesForDurationItems() {
        ItemSpec qqGroups = spec("PB-QQ-GROUPS", Shape.DURATION, Period.DAY, "240", null, null, List.of("AM", "PM"));
        List<AssignmentSpan> whole = List.of(new AssignmentSpan(EPOCH, null, null));
        LocalDate wednesday = LocalDate.of(2026, 2, 4);

        ItemAttainment day = personOf(ANNA, qqGroups, whole, List.of(
                log(qqGroups, ANNA, wednesday, "1", 120, "AM"), log(qqGroups, ANNA, wednesday, "1", 80, "PM")),
                Window.of(WindowKind.DAY, wednesday));
        ItemAttainment week = plain.forGroup(qqGroups, Tallies.group(qqGroups, List.of(log(qqGroups, ANNA, wednesday, "1", 1200, null))),
                Window.of(WindowKind.WEEK, wednesday));

        assertThat(day.target()).isEqualTo(TargetRange.of("240", "240"));
        assertThat(day.done()).isEqualByComparingTo("200");
        assertThat(day.ratio()).isEqualByComparingTo("0.8333");
        assertThat(day.status()).isEqualTo(AttainmentStatus.SHORT);
        assertThat(week.target()).isEqualTo(TargetRange.of("1200", "1200"));
        assertThat(week.status()).isEqualTo(AttainmentStatus.MET);
    }

    @Test
    void shouldCountCoveredSlotsOncePerRequiredPersonOnWorkingDays() {
        ItemSpec storeDuty = spec("CS-STORE-DUTY", Shape.COVERAGE, Period.DAY, "1", null, null, List.of("AM", "PM"));
        Window week = Window.of(WindowKind.WEEK, LocalDate.of(2026, 2, 2));
        List<LogFact> logs = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            logs.add(log(storeDuty, ANNA, LocalDate.of(2026, 2, 2).plusDays(d), "1", null, "AM"));
        }
        for (int d = 0; d < 4; d++) {
            logs.add(log(storeDuty, BO, LocalDate.of(2026, 2, 2).plusDays(d), "1", null, "PM"));
        }
        logs.add(log(storeDuty, BO, LocalDate.of(2026, 2, 2), "1", null, "AM"));
        logs.add(log(storeDuty, BO, LocalDate.of(2026, 2, 7), "1", null, "AM"));

        ItemAttainment group = plain.forGroup(storeDuty, Tallies.group(storeDuty, logs), week);
        ItemAttainment anna = personOf(ANNA, storeDuty,
                List.of(new AssignmentSpan(EPOCH, null, TargetRange.of("1", "1"))),
                logs.stream().filter(l -> l.crew().contains(ANNA)).toList(), week);

        // Two slots a day over 5 working days; Monday AM twice and the Saturday do not add.
        assertThat(group.target()).isEqualTo(TargetRange.of("10", "10"));
        assertThat(group.done()).isEqualByComparingTo("9");
        assertThat(group.status()).isEqualTo(AttainmentStatus.SHORT);
        assertThat(anna.target()).isEqualTo(TargetRange.of("5", "5"));
        assertThat(anna.done()).isEqualByComparingTo("5");
        assertThat(anna.status()).isEqualTo(AttainmentStatus.MET);
    }

    @Test
    void shouldCreditStandardMinutesToEachCrewMemberAndCountTheUnitOnceForTheGroup() {
        ItemSpec pickup = spec("CS-GOODS-PICKUP", Shape.STANDARD_TIME, null, null, null, 90, List.of());
        LocalDate day = LocalDate.of(2026, 2, 4);
        LogFact twoTrips = new LogFact(pickup.id(), day, new BigDecimal("2"), null, null, List.of(ANNA, BO));
        Window window = Window.of(WindowKind.DAY, day);

        ItemAttainment bo = personOf(BO, pickup, List.of(), List.of(twoTrips), window);
        ItemAttainment group = plain.forGroup(pickup, Tallies.group(pickup, List.of(twoTrips)), window);

        assertThat(bo.creditedMinutes()).isEqualTo(180);
        assertThat(bo.done()).isEqualByComparingTo("2");
        assertThat(bo.status()).isEqualTo(AttainmentStatus.NO_TARGET);
        assertThat(bo.planned()).isFalse();
        assertThat(group.done()).isEqualByComparingTo("2");
        assertThat(group.creditedMinutes()).isEqualTo(360);
    }

    @Test
    void shouldCountAJointTrackedLogOnceForTheGroup() {
        ItemSpec wenku = spec("PB-BAIDU-WENKU", Shape.TRACKED, null, null, null, null, List.of());
        LogFact joint = new LogFact(wenku.id(), LocalDate.of(2026, 2, 4), BigDecimal.ONE, null, null, List.of(ANNA, BO, CHEN));

        ItemAttainment group = plain.forGroup(wenku, Tallies.group(wenku, List.of(joint)), month(2026, 2));

        assertThat(group.done()).isEqualByComparingTo("1");
        assertThat(group.status()).isEqualTo(AttainmentStatus.NO_TARGET);
        assertThat(personOf(CHEN, wenku, List.of(), List.of(joint), month(2026, 2)).done()).isEqualByComparingTo("1");
    }

    @Test
    void shouldAddStandardTimeAndLoggedMinutesIntoTheDailyWorkload() {
        ItemSpec pickup = spec("CS-GOODS-PICKUP", Shape.STANDARD_TIME, null, null, null, 90, List.of());
        ItemSpec eFile = spec("CS-E-FILE", Shape.DURATION, Period.DAY, "60", null, null, List.of());
        LocalDate wednesday = LocalDate.of(2026, 2, 4);
        List<LogFact> logs = List.of(
                new LogFact(pickup.id(), wednesday, new BigDecimal("2"), 30, null, List.of(ANNA, BO)),
                new LogFact(eFile.id(), wednesday, BigDecimal.ONE, 60, null, List.of(ANNA)));

        List<DayWorkload> week = plain.workload(Tallies.days(ANNA, Map.of(pickup.id(), pickup, eFile.id(), eFile), logs),
                Window.of(WindowKind.WEEK, wednesday));

        assertThat(week).hasSize(5);
        DayWorkload wednesdayLoad = week.stream().filter(d -> d.date().equals(wednesday)).findFirst().orElseThrow();
        assertThat(wednesdayLoad.minutes()).isEqualTo(240);
        assertThat(wednesdayLoad.dayMinutes()).isEqualTo(480);
        assertThat(wednesdayLoad.ratio()).isEqualByComparingTo("0.5");
    }

    @Test
    void shouldMarkWorkWithoutAnAssignmentAsUnplannedWithoutTarget() {
        ItemSpec baike = count("PB-BAIDU-BAIKE", Period.DAY, "1", "1");

        ItemAttainment figures = personOf(ANNA, baike, List.of(), logs(baike, ANNA, 3), month(2026, 2));

        assertThat(figures.planned()).isFalse();
        assertThat(figures.target()).isNull();
        assertThat(figures.status()).isEqualTo(AttainmentStatus.NO_TARGET);
        assertThat(figures.done()).isEqualByComparingTo("3");
    }

    private ItemAttainment personOf(long staffId, ItemSpec item, List<AssignmentSpan> spans, List<LogFact> logs,
                                    Window window) {
        return plain.forPerson(item, spans, Tallies.person(staffId, item, logs), window);
    }

    private ItemAttainment groupOf(ItemSpec item, Window window, int done) {
        return plain.forGroup(item, Tallies.group(item, logs(item, ANNA, done)), window);
    }

    private static Window month(int year, int month) {
        return Window.of(WindowKind.MONTH, LocalDate.of(year, month, 1));
    }

    /** {@code units} logged in one log on Wed Feb 4 2026, and again on Tue Mar 31 2026 for March windows. */
    private static List<LogFact> logs(ItemSpec item, long staffId, int units) {
        return List.of(log(item, staffId, LocalDate.of(2026, 2, 4), Integer.toString(units), null, null),
                log(item, staffId, LocalDate.of(2026, 3, 31), Integer.toString(units), null, null));
    }

    private static LogFact log(ItemSpec item, long staffId, LocalDate day, String quantity, Integer minutes, String slot) {
        return new LogFact(item.id(), day, new BigDecimal(quantity), minutes, slot,
                List.of(staffId));
    }

    private static ItemSpec count(String code, Period period, String low, String high) {
        return spec(code, Shape.COUNT, period, low, high, null, List.of());
    }

    private static ItemSpec spec(String code, Shape shape, Period period, String low, String high, Integer stdMinutes,
                                 List<String> slots) {
        TreeMap<LocalDate, TargetRange> targets = new TreeMap<>();
        targets.put(EPOCH, low == null ? null : TargetRange.of(low, high));
        return new ItemSpec(code.hashCode(), code, code.split("-")[0], shape, period, "unit", stdMinutes, slots, targets, null);
    }
}
