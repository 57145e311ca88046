package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.quota.config.QuotaConfig;
import com.wuaigou.ops.quota.domain.CalendarDay;
import com.wuaigou.ops.quota.domain.DayKind;
import com.wuaigou.ops.quota.domain.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The working calendar: configured working weekdays plus stored holidays and make-up working days. */
@ApplicationScoped
public class CalendarService {

    private final QuotaConfig config;
    private final DepartmentClock clock;
    private final Event<TargetsMoved> targetsMoved;

    CalendarService(QuotaConfig config, DepartmentClock clock, Event<TargetsMoved> targetsMoved) {
        this.config = config;
        this.clock = clock;
        this.targetsMoved = targetsMoved;
    }

    /** Today in the department's time zone. */
    public LocalDate today() {
        return clock.today();
    }

    public ZoneId zone() {
        return clock.zone();
    }

    public QuotaConfig.Calendar settings() {
        return config.calendar();
    }

    /** The whole calendar; the exceptions are a few dozen rows a year. */
    public WorkingCalendar calendar() {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        // Read as values, not entities: the calendar is read on every write, and managed rows would be dirty-checked.
        CalendarDay.getEntityManager().createQuery("select c.day, c.kind from CalendarDay c", Object[].class)
                .getResultList().forEach(row -> exceptions.put((LocalDate) row[0], (DayKind) row[1]));
        return calendar(exceptions);
    }

    /** The configured working weekdays with these holidays and make-up working days. */
    public WorkingCalendar calendar(Map<LocalDate, DayKind> exceptions) {
        return new WorkingCalendar(config.calendar().workingWeekdays(), exceptions);
    }

    public List<CalendarDay> exceptionsBetween(LocalDate from, LocalDate to) {
        return CalendarDay.list("day between ?1 and ?2 order by day", from, to);
    }

    @Transactional
    public CalendarDay setException(LocalDate day, DayKind kind, String name) {
        if (!kind.isException()) {
            throw ProblemException.badRequest("kind", "must be HOLIDAY or MAKEUP_WORKDAY");
        }
        CalendarDay row = CalendarDay.findById(day);
        if (row == null) {
            row = new CalendarDay();
            row.day = day;
        }
        row.kind = kind;
        row.name = name;
        row.persist();
        targetsMoved.fire(new TargetsMoved(null, day));
        return row;
    }

    @Transactional
    public void removeException(LocalDate day) {
        if (!CalendarDay.deleteById(day)) {
            throw ProblemException.notFound("calendar exception", day);
        }
        targetsMoved.fire(new TargetsMoved(null, day));
    }
}
