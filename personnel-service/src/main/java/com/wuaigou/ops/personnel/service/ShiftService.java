package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.concurrency.Preconditions;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.personnel.domain.DutyPlace;
import com.wuaigou.ops.personnel.domain.DutyShift;
import com.wuaigou.ops.personnel.domain.DutySlot;
import com.wuaigou.ops.personnel.domain.ShiftStatus;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffStatus;
import com.wuaigou.ops.personnel.events.RosterEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.wuaigou.ops.personnel.service.RosterRules.*;

/**
 * Duty shifts of the plan's rosters (store duty and hotline). Nobody holds two overlapping shifts and no slot takes
 * more people than its capacity. Every change records one shift snapshot event.
 */
@ApplicationScoped
public class ShiftService {

    private final RosterEvents events;
    private final AccessPolicy access;
    private final DepartmentClock clock;
    private final EntityManager entityManager;

    ShiftService(RosterEvents events, AccessPolicy access, DepartmentClock clock, EntityManager entityManager) {
        this.events = events;
        this.access = access;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    public record NewShift(LocalDate date, DutyPlace place, String slot, long staffId) {
    }

    /** A slot of a day that has fewer people than it needs. */
    public record Gap(LocalDate date, DutySlot slot, int missing) {
    }

    public record Week(LocalDate weekStart, List<DutyShift> shifts, List<Gap> gaps) {
    }

    public DutyShift get(long id) {
        DutyShift shift = DutyShift.findById(id);
        if (shift == null) {
            throw ProblemException.notFound("shift", id);
        }
        return shift;
    }

    /** Schedules one shift; a manager only for people of the group they manage. */
    @Transactional
    public DutyShift schedule(NewShift command) {
        return add(command, "");
    }

    /** Schedules a week's rota, all or nothing: every shift must fall in the week starting on {@code weekStart}. */
    @Transactional
    public Week scheduleWeek(LocalDate weekStart, List<NewShift> shifts) {
        requireMonday(weekStart);
        for (int i = 0; i < shifts.size(); i++) {
            NewShift shift = shifts.get(i);
            if (shift.date().isBefore(weekStart) || shift.date().isAfter(weekStart.plusDays(6))) {
                throw ProblemException.ruleViolation(SHIFT_IN_WEEK, "Shift " + i + " on " + shift.date()
                        + " is outside the week of " + weekStart,
                        List.of(new Problem.FieldError("shifts[" + i + "].date", "must be within the week")));
            }
            add(shift, "shifts[" + i + "].");
        }
        return week(weekStart);
    }

    @Transactional
    public DutyShift cancel(long id, String ifMatch) {
        DutyShift shift = get(id);
        access.requireSupervise(Staff.<Staff>findById(shift.staffId).groupCode);
        Preconditions.requireCurrent(ifMatch, "Shift " + id, shift.version);
        if (shift.status == ShiftStatus.CANCELLED) {
            throw ProblemException.ruleViolation(SHIFT_ALREADY_CANCELLED, "Shift " + id + " is already cancelled");
        }
        shift.status = ShiftStatus.CANCELLED;
        shift.updatedAt = clock.now();
        events.shiftChanged(shift);
        return shift;
    }

    /** The week's scheduled shifts and every slot of each of its seven days that is not fully covered. */
    public Week week(LocalDate weekStart) {
        requireMonday(weekStart);
        List<DutyShift> shifts = DutyShift.list("date between ?1 and ?2 and status = ?3 order by date, start, place, id",
                weekStart, weekStart.plusDays(6), ShiftStatus.SCHEDULED);
        List<Gap> gaps = new ArrayList<>();
        for (LocalDate day = weekStart; day.isBefore(weekStart.plusDays(7)); day = day.plusDays(1)) {
            for (DutySlot slot : DutySlot.values()) {
                LocalDate date = day;
                long covered = shifts.stream()
                        .filter(s -> s.date.equals(date) && s.place == slot.place() && s.slot.equals(slot.code()))
                        .count();
                if (covered < slot.capacity()) {
                    gaps.add(new Gap(day, slot, (int) (slot.capacity() - covered)));
                }
            }
        }
        return new Week(weekStart, shifts, gaps);
    }

    private DutyShift add(NewShift command, String fieldPrefix) {
        DutySlot slot = DutySlot.of(command.place(), command.slot()).orElseThrow(() -> ProblemException.badRequest(
                fieldPrefix + "slot", "place " + command.place() + " has no slot " + command.slot()));
        Staff person = Staff.findById(command.staffId());
        if (person == null) {
            throw unknown(UNKNOWN_STAFF, fieldPrefix + "staffId", "No staff member with id " + command.staffId());
        }
        access.requireSupervise(person.groupCode);
        serialise(person, command.date(), slot);
        if (person.status != StaffStatus.ACTIVE) {
            throw ProblemException.ruleViolation(SHIFT_NEEDS_ACTIVE_STAFF, "Staff member " + person.id + " is "
                    + person.status, List.of(new Problem.FieldError(fieldPrefix + "staffId", "must be active")));
        }
        List<DutyShift> sameDay = DutyShift.list("staffId = ?1 and date = ?2 and status = ?3", person.id,
                command.date(), ShiftStatus.SCHEDULED);
        sameDay.stream().filter(s -> s.overlaps(command.date(), slot.start(), slot.end())).findFirst()
                .ifPresent(other -> {
                    throw ProblemException.conflict(NO_OVERLAPPING_SHIFTS, "Staff member " + person.id
                            + " already holds shift " + other.id + " (" + other.place + " " + other.start + "-"
                            + other.end + ") on " + command.date());
                });
        long taken = DutyShift.count("date = ?1 and place = ?2 and slot = ?3 and status = ?4", command.date(),
                slot.place(), slot.code(), ShiftStatus.SCHEDULED);
        if (taken >= slot.capacity()) {
            throw ProblemException.conflict(SLOT_CAPACITY, "Slot " + slot.place() + " " + slot.code() + " on "
                    + command.date() + " already has its " + slot.capacity() + " person(s)");
        }
        DutyShift shift = new DutyShift();
        shift.date = command.date();
        shift.place = slot.place();
        shift.slot = slot.code();
        shift.start = slot.start();
        shift.end = slot.end();
        shift.staffId = person.id;
        shift.status = ShiftStatus.SCHEDULED;
        shift.updatedAt = clock.now();
        shift.persist();
        events.shiftChanged(shift);
        return shift;
    }

    /**
     * Holds the person's row and the slot until commit, so two concurrent requests cannot both pass the overlap or
     * the capacity check.
     */
    private void serialise(Staff person, LocalDate date, DutySlot slot) {
        entityManager.lock(person, LockModeType.PESSIMISTIC_WRITE);
        entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:slot))) as held")
                .setParameter("slot", "duty-slot/" + date + "/" + slot.name())
                .getSingleResult();
    }

    private static void requireMonday(LocalDate weekStart) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw ProblemException.badRequest("weekStart", "must be a Monday, not a " + weekStart.getDayOfWeek());
        }
    }
}
