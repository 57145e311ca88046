package com.wuaigou.ops.quota.demo;

import com.wuaigou.ops.quota.demo.DemoMonth.Holding;
import com.wuaigou.ops.quota.domain.Period;
import com.wuaigou.ops.quota.domain.Shape;
import com.wuaigou.ops.quota.domain.WorkingCalendar;
import com.wuaigou.ops.quota.service.WorkLogService.LogInput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo month's logs against the numbers they are made for, without starting anything. */
class DemoMonthTest {

    private static final YearMonth MONTH = YearMonth.of(2025, 6);
    private static final WorkingCalendar CALENDAR = WorkingCalendar.mondayToFriday(Map.of());
    private static final int WORKING_DAYS = 21;
    private static final double MEETS = DemoPlan.performance(2);
    private static final double FALLS_SHORT = DemoPlan.performance(4);

    @Test
    void shouldLogAtLeastTheMonthsNumberForSomeoneWhoMeetsItAndLessForSomeoneWhoFallsShort() {
        for (Holding holding : List.of(count("1", Period.DAY), count("0.5", Period.DAY), count("30", Period.DAY),
                count("6", Period.WEEK), count("3", Period.MONTH))) {
            double asked = monthsNumber(holding);
            assertThat(units(DemoMonth.logs(2, List.of(holding), MONTH, CALENDAR, MEETS)))
                    .as(holding.toString()).isGreaterThanOrEqualTo(asked);
            assertThat(units(DemoMonth.logs(4, List.of(holding), MONTH, CALENDAR, FALLS_SHORT)))
                    .as(holding.toString()).isLessThan(asked);
        }
    }

    @Test
    void shouldKeepRatesDurationsAndCoverageToTheNumberOfSomeoneWhoMeetsIt() {
        List<LogInput> calls = DemoMonth.logs(2, List.of(new Holding("CALL", Shape.RATE, Period.HOUR,
                BigDecimal.TEN, List.of())), MONTH, CALENDAR, MEETS);
        List<LogInput> file = DemoMonth.logs(2, List.of(new Holding("FILE", Shape.DURATION, Period.DAY,
                BigDecimal.valueOf(60), List.of())), MONTH, CALENDAR, MEETS);
        List<LogInput> duty = DemoMonth.logs(2, List.of(new Holding("DUTY", Shape.COVERAGE, Period.DAY,
                BigDecimal.valueOf(2), List.of("AM", "PM"))), MONTH, CALENDAR, MEETS);
        List<LogInput> shortDuty = DemoMonth.logs(4, List.of(new Holding("DUTY", Shape.COVERAGE, Period.DAY,
                BigDecimal.valueOf(2), List.of("AM", "PM"))), MONTH, CALENDAR, FALLS_SHORT);

        assertThat(units(calls) / (minutes(calls) / 60.0)).isGreaterThanOrEqualTo(10);
        assertThat(minutes(file)).isGreaterThanOrEqualTo(60 * WORKING_DAYS);
        assertThat(duty).hasSize(2 * WORKING_DAYS).extracting(LogInput::slot).containsOnly("AM", "PM");
        assertThat(shortDuty.size()).isLessThan(2 * WORKING_DAYS);
        assertThat(duty).allSatisfy(log -> assertThat(CALENDAR.isWorkingDay(log.workDate())).isTrue());
    }

    private static Holding count(String number, Period period) {
        return new Holding("ITEM", Shape.COUNT, period, new BigDecimal(number), List.of());
    }

    private static double monthsNumber(Holding holding) {
        double number = holding.number().doubleValue();
        return switch (holding.period()) {
            case DAY -> number * WORKING_DAYS;
            // June 2025 starts on a Sunday: four whole ISO weeks and one of one day (the 30th, a Monday).
            case WEEK -> number * 4 + number / 5;
            default -> number;
        };
    }

    private static double units(List<LogInput> logs) {
        return logs.stream().mapToDouble(log -> log.quantity().doubleValue()).sum();
    }

    private static long minutes(List<LogInput> logs) {
        return logs.stream().mapToLong(LogInput::minutes).sum();
    }
}
