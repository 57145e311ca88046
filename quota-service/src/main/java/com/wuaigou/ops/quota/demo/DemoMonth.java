package com.wuaigou.ops.quota.demo;

import com.wuaigou.ops.quota.domain.Period;
import com.wuaigou.ops.quota.domain.Shape;
import com.wuaigou.ops.quota.domain.Window;
import com.wuaigou.ops.quota.domain.WorkingCalendar;
import com.wuaigou.ops.quota.service.WorkLogService.LogInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's month of work as the demo logs it: every working day, each item they hold at their number times how
 * well they do, give or take a little from day to day. What a day leaves over (a fraction of a unit) is carried to
 * the next, and for those who do enough the last day rounds it up, so they end the month at least on their number.
 */
final class DemoMonth {

    /** What someone holds of an item: {@code number} per the item's period (slots a day for coverage), or null. */
    record Holding(String itemCode, Shape shape, Period period, BigDecimal number, List<String> slots) {
    }

    /** Swings of a day's work around the average; a whole cycle adds up to five average days. */
    private static final double[] DAILY_SWING = {1.1, 0.9, 1.05, 0.95, 1.0};
    private static final int RATE_MINUTES = 120;
    /** A working day less breaks, spread over the counted items logged that day, so workloads look like full days. */
    private static final int COUNTED_DAY_MINUTES = 420;
    private static final int STANDARD_TIME_EVERY = 2;

    private DemoMonth() {
    }

    static List<LogInput> logs(long staffId, List<Holding> holdings, YearMonth month, WorkingCalendar calendar,
                               double performance) {
        List<LocalDate> days = month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1))
                .filter(calendar::isWorkingDay).toList();
        List<LogInput> logs = new ArrayList<>();
        int minutesPerCount = COUNTED_DAY_MINUTES / (int) Math.max(1, holdings.stream()
                .filter(h -> h.shape() == Shape.COUNT).count());
        for (Holding holding : holdings) {
            double carried = 0;
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                double swing = DAILY_SWING[d % DAILY_SWING.length];
                boolean roundUp = d == days.size() - 1 && performance >= 1;
                switch (holding.shape()) {
                    case COUNT -> {
                        carried += perWorkingDay(holding, day, calendar) * performance * swing;
                        long units = due(carried, roundUp);
                        carried -= units;
                        if (units > 0) {
                            logs.add(log(staffId, holding, day, BigDecimal.valueOf(units), minutesPerCount, null));
                        }
                    }
                    case RATE -> {
                        long units = Math.round(holding.number().doubleValue() * RATE_MINUTES / 60.0 * performance * swing);
                        logs.add(log(staffId, holding, day, BigDecimal.valueOf(units), RATE_MINUTES, null));
                    }
                    case DURATION -> {
                        int minutes = (int) Math.round(holding.number().doubleValue() * performance * swing);
                        logs.add(log(staffId, holding, day, null, minutes, null));
                    }
                    case COVERAGE -> {
                        carried += holding.number().doubleValue() * performance;
                        long covered = Math.min(due(carried, roundUp), holding.slots().size());
                        carried = Math.min(carried - covered, holding.slots().size());
                        for (int slot = 0; slot < covered; slot++) {
                            logs.add(log(staffId, holding, day, null, null, holding.slots().get(slot)));
                        }
                    }
                    case STANDARD_TIME, TRACKED -> {
                        if (d % STANDARD_TIME_EVERY == 0) {
                            logs.add(log(staffId, holding, day, BigDecimal.valueOf(1 + d % 3), null, null));
                        }
                    }
                }
            }
        }
        return logs;
    }

    /** The item's number spread over the working days of its period, as the attainment arithmetic spreads it. */
    private static double perWorkingDay(Holding holding, LocalDate day, WorkingCalendar calendar) {
        int workingDays = calendar.workingDays(Window.of(holding.period(), day));
        return holding.number().doubleValue() / Math.max(workingDays, 1);
    }

    private static long due(double carried, boolean roundUp) {
        return roundUp ? (long) Math.ceil(carried - 1e-9) : (long) Math.floor(carried + 1e-9);
    }

    private static LogInput log(long staffId, Holding holding, LocalDate day, BigDecimal quantity, Integer minutes,
                                String slot) {
        return new LogInput(staffId, holding.itemCode(), day, quantity, minutes, slot, null, "demo");
    }
}
