package com.wuaigou.ops.quota.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
        Map<LocalDate, Integer> workingDaysOfPeriod = new HashMap<>();
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        boolean any = false;
        for (LocalDate day = window.start(); !day.isAfter(window.end()); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            TargetRange number = numberOn.apply(day);
            if (number == null) {
                continue;
            }
            any = true;
            Window instance = Window.of(period, day);
            int days = workingDaysOfPeriod.computeIfAbsent(instance.start(), s -> calendar.workingDays(instance));
            BigDecimal share = BigDecimal.ONE.divide(BigDecimal.valueOf(days), PRECISION);
            low = low.add(number.low().multiply(share, PRECISION));
            high = high.add(number.high().multiply(share, PRECISION));
        }
        return any ? new TargetRange(low, high).rounded() : null;
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
     */
    public ItemAttainment forPerson(long staffId, ItemSpec item, List<AssignmentSpan> spans, List<LogFact> logs,
                                    Window window) {
        boolean planned = spans.stream().anyMatch(s -> window.overlaps(s.from(), s.to()));
        TargetRange target = null;
        if (planned && item.shape().hasTarget()) {
            target = item.shape() == Shape.RATE
                    ? rateInForce(item, spans, window)
                    : prorate(item.period(), window, day -> personalNumberOn(item, spans, day));
        }
        List<LogFact> inWindow = logs.stream().filter(l -> window.contains(l.workDate())).toList();
        BigDecimal done = switch (item.shape()) {
            case DURATION -> BigDecimal.valueOf(sumMinutes(inWindow));
            case COVERAGE -> BigDecimal.valueOf(coveredSlots(inWindow, 1, staffId));
            default -> sumQuantity(inWindow);
        };
        return figures(item, planned, target, done, inWindow, creditedMinutes(item, inWindow, staffId));
    }

    /**
     * A group's attainment of one item: the group's number against all members' work, each log counted once however
     * many people it credits.
     */
    public ItemAttainment forGroup(ItemSpec item, List<LogFact> logs, Window window) {
        TargetRange target = null;
        if (item.shape().hasTarget()) {
            target = item.shape() == Shape.RATE
                    ? item.targetOn(lastDayInForce(item, window))
                    : prorate(item.period(), window, item::requirementOn);
        }
        List<LogFact> inWindow = logs.stream().filter(l -> window.contains(l.workDate())).toList();
        BigDecimal done = switch (item.shape()) {
            case DURATION -> BigDecimal.valueOf(sumMinutes(inWindow));
            case COVERAGE -> BigDecimal.valueOf(coveredSlots(inWindow, personsPerSlot(item, window), null));
            default -> sumQuantity(inWindow);
        };
        long credited = inWindow.stream().mapToLong(l -> creditFor(item, l) * l.crew().size()).sum();
        return figures(item, target != null, target, done, inWindow, credited);
    }

    /** A person's credited minutes per day of the window against the 8-hour working day. */
    public List<DayWorkload> workload(long staffId, Map<Long, ItemSpec> items, List<LogFact> logs, Window window) {
        Map<LocalDate, Long> minutesByDay = new TreeMap<>();
        for (LogFact log : logs) {
            if (window.contains(log.workDate()) && log.crew().contains(staffId)) {
                ItemSpec item = items.get(log.itemId());
                minutesByDay.merge(log.workDate(), item == null ? log.loggedMinutes() : creditFor(item, log), Long::sum);
            }
        }
        List<DayWorkload> days = new ArrayList<>();
        for (LocalDate day = window.start(); !day.isAfter(window.end()); day = day.plusDays(1)) {
            boolean working = calendar.isWorkingDay(day);
            long minutes = minutesByDay.getOrDefault(day, 0L);
            if (working || minutes > 0) {
                days.add(new DayWorkload(day, working, minutes, WORKING_DAY_MINUTES,
                        TargetRange.plain(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(WORKING_DAY_MINUTES), 4, RoundingMode.HALF_UP))));
            }
        }
        return days;
    }

    private ItemAttainment figures(ItemSpec item, boolean planned, TargetRange target, BigDecimal done,
                                   List<LogFact> inWindow, long credited) {
        long logged = sumMinutes(inWindow);
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
     * Required slots covered on working days: a slot counts once per person up to {@code personsPerSlot}; for one
     * person only their own cover counts.
     */
    private long coveredSlots(List<LogFact> logs, int personsPerSlot, Long onlyStaff) {
        Map<String, Set<Long>> peopleBySlot = new HashMap<>();
        for (LogFact log : logs) {
            if (log.slot() == null || !calendar.isWorkingDay(log.workDate())) {
                continue;
            }
            Set<Long> people = peopleBySlot.computeIfAbsent(log.workDate() + "/" + log.slot(), k -> new HashSet<>());
            for (Long member : log.crew()) {
                if (onlyStaff == null || onlyStaff.equals(member)) {
                    people.add(member);
                }
            }
        }
        return peopleBySlot.values().stream().mapToLong(p -> Math.min(p.size(), personsPerSlot)).sum();
    }

    private static long creditedMinutes(ItemSpec item, List<LogFact> logs, long staffId) {
        return logs.stream().filter(l -> l.crew().contains(staffId)).mapToLong(l -> creditFor(item, l)).sum();
    }

    /** Minutes one crew member is credited for a log: standard minutes per unit, otherwise the minutes logged. */
    private static long creditFor(ItemSpec item, LogFact log) {
        if (item.shape() == Shape.STANDARD_TIME && item.stdMinutes() != null) {
            return log.quantity().multiply(BigDecimal.valueOf(item.stdMinutes())).setScale(0, RoundingMode.HALF_UP)
                    .longValue();
        }
        return log.loggedMinutes();
    }

    private static long sumMinutes(List<LogFact> logs) {
        return logs.stream().mapToLong(LogFact::loggedMinutes).sum();
    }

    private static BigDecimal sumQuantity(List<LogFact> logs) {
        return TargetRange.plain(logs.stream().map(LogFact::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** A ratio and status. */
    public record Judgement(BigDecimal ratio, AttainmentStatus status) {
    }
}
