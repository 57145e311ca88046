package com.wuaigou.ops.quota.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The arithmetic of attainment, per shape, on a working calendar. Plain code, no persistence: the service feeds it
 * items, assignment spans and logs.
 */
public final class AttainmentCalculator {

    /** The working day the workload is compared with. */
    public static final int WORKING_DAY_MINUTES = 480;

    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_UP);

    private final WorkingCalendar calendar;

    public AttainmentCalculator(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The target of a window for a per-period number: every working day of the window on which a number is in force
     * contributes that number divided by the working days of its period instance (the day, ISO week or month holding
     * it). So a 1/day item asks 20 of a month with 20 working days, 0.5/day asks 10, and a 10/week item asks 4 of the
     * two working days a month holds of a week crossing its end.
     *
     * @return the target, or null when no number is in force on any working day of the window
     */
    public TargetRange prorate(Period period, Window window, Function<LocalDate, TargetRange> numberOn) {
        // Each instance's numbers are summed exactly, not divided day by day: a log judges a month of days for the
        // group and the person, and the divisions were most of the arithmetic.
        Map<Window, TargetRange> sumsByInstance = new LinkedHashMap<>();
        for (LocalDate day = window.start(); !day.isAfter(window.end()); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            TargetRange number = numberOn.apply(day);
            if (number != null) {
                sumsByInstance.merge(Window.of(period, day), number, TargetRange::plus);
            }
        }
        if (sumsByInstance.isEmpty()) {
            return null;
        }
        // Instances with as many working days share one division, and a day's own number needs none: a daily item's
        // month is twenty instances of one working day each, and each division was a long one at this precision.
        Map<Integer, TargetRange> sumsByWorkingDays = new TreeMap<>();
        sumsByInstance.forEach((instance, sum) ->
                sumsByWorkingDays.merge(calendar.workingDays(instance), sum, TargetRange::plus));
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        for (Map.Entry<Integer, TargetRange> share : sumsByWorkingDays.entrySet()) {
            int days = share.getKey();
            low = low.add(days == 1 ? share.getValue().low() : share.getValue().low().divide(BigDecimal.valueOf(days), PRECISION));
            high = high.add(days == 1 ? share.getValue().high() : share.getValue().high().divide(BigDecimal.valueOf(days), PRECISION));
        }
        return new TargetRange(low, high).rounded();
    }

    /**
     * Judges an amount against a target. Below the low end is short; from the low end up to the high end is met; above
     * it is exceeded. A fractional high end (a prorated 0.5/day) is rounded up, since whole units are done.
     */
    public static Judgement judgeAmount(BigDecimal done, TargetRange target) {
        if (target == null || target.isZero()) {
            return new Judgement(null, AttainmentStatus.NO_TARGET);
        }
        BigDecimal base = target.low().signum() > 0 ? target.low() : target.high();
        BigDecimal ratio = TargetRange.plain(done.divide(base, 4, RoundingMode.HALF_UP));
        if (done.compareTo(target.low()) < 0) {
            return new Judgement(ratio, AttainmentStatus.SHORT);
        }
        if (done.compareTo(target.high().setScale(0, RoundingMode.CEILING)) > 0) {
            return new Judgement(ratio, AttainmentStatus.EXCEEDED);
        }
        return new Judgement(ratio, AttainmentStatus.MET);
    }

    /** Judges units per logged hour against a rate; nothing logged is short. */
    public static Judgement judgeRate(BigDecimal ratePerHour, TargetRange rate) {
        if (rate == null || rate.isZero()) {
            return new Judgement(null, AttainmentStatus.NO_TARGET);
        }
        BigDecimal actual = ratePerHour == null ? BigDecimal.ZERO : ratePerHour;
        BigDecimal ratio = TargetRange.plain(actual.divide(rate.low(), 4, RoundingMode.HALF_UP));
        if (actual.compareTo(rate.low()) < 0) {
            return new Judgement(ratio, AttainmentStatus.SHORT);
        }
        return new Judgement(ratio, actual.compareTo(rate.high()) > 0 ? AttainmentStatus.EXCEEDED : AttainmentStatus.MET);
    }

    /** Units per hour, or null when no minutes were logged. */
    public static BigDecimal ratePerHour(BigDecimal units, long minutes) {
        if (minutes == 0) {
            return null;
        }
        return TargetRange.plain(units.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(minutes), 2, RoundingMode.HALF_UP));
    }

    /**
     * A person's attainment of one item: their shares (or the whole number) against the work they are credited with.
     * Without an assignment touching the window the work is unplanned and has no target.
     *
     * @param tally the person's totals and slot covers on the item
     */
    public ItemAttainment forPerson(ItemSpec item, List<AssignmentSpan> spans, Tally tally, Window window) {
        boolean planned = spans.stream().anyMatch(s -> window.overlaps(s.from(), s.to()));
        TargetRange target = null;
        if (planned && item.shape().hasTarget()) {
            target = item.shape() == Shape.RATE
                    ? rateInForce(item, spans, window)
                    : prorate(item.period(), window, day -> personalNumberOn(item, spans, day));
        }
        return figures(item, planned, target, tally, window, 1);
    }

    /**
     * A group's attainment of one item: the group's number against all members' work, each log counted once however
     * many people it credits.
     *
     * @param tally the item's totals and everyone's slot covers
     */
    public ItemAttainment forGroup(ItemSpec item, Tally tally, Window window) {
        TargetRange target = null;
        if (item.shape().hasTarget()) {
            target = item.shape() == Shape.RATE
                    ? item.targetOn(lastDayInForce(item, window))
                    : prorate(item.period(), window, item::requirementOn);
        }
        return figures(item, target != null, target, tally, window, personsPerSlot(item, window));
    }

    /** A person's credited minutes per day of the window, from their day totals, against the 8-hour working day. */
    public List<DayWorkload> workload(List<DayTotal> days, Window window) {
        Map<LocalDate, Long> minutesByDay = new TreeMap<>();
        for (DayTotal total : days) {
            if (window.contains(total.day())) {
                minutesByDay.merge(total.day(), total.creditedMinutes(), Long::sum);
            }
        }
        List<DayWorkload> workload = new ArrayList<>();
        for (LocalDate day = window.start(); !day.isAfter(window.end()); day = day.plusDays(1)) {
            boolean working = calendar.isWorkingDay(day);
            long minutes = minutesByDay.getOrDefault(day, 0L);
            if (working || minutes > 0) {
                workload.add(new DayWorkload(day, working, minutes, WORKING_DAY_MINUTES,
                        TargetRange.plain(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(WORKING_DAY_MINUTES), 4, RoundingMode.HALF_UP))));
            }
        }
        return workload;
    }

    private ItemAttainment figures(ItemSpec item, boolean planned, TargetRange target, Tally tally, Window window,
                                   int personsPerSlot) {
        List<DayTotal> inWindow = tally.days().stream().filter(d -> window.contains(d.day())).toList();
        long logged = inWindow.stream().mapToLong(DayTotal::loggedMinutes).sum();
        BigDecimal done = switch (item.shape()) {
            case DURATION -> BigDecimal.valueOf(logged);
            case COVERAGE -> BigDecimal.valueOf(coveredSlots(tally.covers(), window, personsPerSlot));
            default -> TargetRange.plain(inWindow.stream().map(DayTotal::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
        };
        long credited = inWindow.stream().mapToLong(DayTotal::creditedMinutes).sum();
        BigDecimal rate = item.shape() == Shape.RATE ? ratePerHour(done, logged) : null;
        Judgement judgement = item.shape() == Shape.RATE ? judgeRate(rate, target) : judgeAmount(done, target);
        return new ItemAttainment(item, planned, target, done, logged, rate, credited, judgement.ratio(),
                judgement.status());
    }

    private static TargetRange personalNumberOn(ItemSpec item, List<AssignmentSpan> spans, LocalDate day) {
        TargetRange sum = null;
        for (AssignmentSpan span : spans) {
            if (!span.covers(day)) {
                continue;
            }
            TargetRange number = span.share() != null ? span.share() : item.requirementOn(day);
            if (number != null && item.targetOn(day) != null) {
                sum = sum == null ? number : sum.plus(number);
            }
        }
        return sum;
    }

    private static TargetRange rateInForce(ItemSpec item, List<AssignmentSpan> spans, Window window) {
        LocalDate last = lastDayInForce(item, window);
        return spans.stream().anyMatch(s -> window.overlaps(s.from(), s.to())) ? item.targetOn(last) : null;
    }

    /** The rate judged is the one in force at the window's end, or on the retiring day's eve. */
    private static LocalDate lastDayInForce(ItemSpec item, Window window) {
        if (item.retiredOn() != null && !item.retiredOn().isAfter(window.end())) {
            return item.retiredOn().minusDays(1);
        }
        return window.end();
    }

    private int personsPerSlot(ItemSpec item, Window window) {
        TargetRange target = item.targetOn(lastDayInForce(item, window));
        return target == null ? 1 : Math.max(1, target.low().intValue());
    }

    /**
     * Required slots covered on working days of the window: a slot counts once per person up to
     * {@code personsPerSlot}; a person's own covers count each slot once.
     */
    private long coveredSlots(List<SlotCover> covers, Window window, int personsPerSlot) {
        Map<String, Set<Long>> peopleBySlot = new HashMap<>();
        for (SlotCover cover : covers) {
            if (window.contains(cover.day()) && calendar.isWorkingDay(cover.day())) {
                peopleBySlot.computeIfAbsent(cover.day() + "/" + cover.slot(), k -> new HashSet<>()).add(cover.staffId());
            }
        }
        return peopleBySlot.values().stream().mapToLong(p -> Math.min(p.size(), personsPerSlot)).sum();
    }

    /** A ratio and status. */
    public record Judgement(BigDecimal ratio, AttainmentStatus status) {
    }
}
