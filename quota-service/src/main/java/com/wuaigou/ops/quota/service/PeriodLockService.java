package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.concurrency.Preconditions;
import com.wuaigou.ops.common.events.Outbox;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.roster.RosterService;
import com.wuaigou.ops.quota.domain.PeriodLock;
import com.wuaigou.ops.quota.domain.Window;
import com.wuaigou.ops.quota.domain.WindowKind;
import com.wuaigou.ops.quota.events.QuotaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A manager approves (locks) a past period of their group; a director or admin can reopen it. */
@ApplicationScoped
public class PeriodLockService {

    private final Access access;
    private final CalendarService calendars;
    private final RosterService roster;
    private final AttainmentService attainment;
    private final Outbox outbox;

    PeriodLockService(Access access, CalendarService calendars, RosterService roster, AttainmentService attainment,
                      Outbox outbox) {
        this.access = access;
        this.calendars = calendars;
        this.roster = roster;
        this.attainment = attainment;
        this.outbox = outbox;
    }

    @Transactional
    public PeriodLock lock(String groupCode, WindowKind kind, LocalDate date) {
        access.requireSupervise(groupCode);
        if (!roster.groupExists(groupCode)) {
            throw ProblemException.ruleViolation("unknown-group", "No group " + groupCode + " is known",
                    List.of(new Problem.FieldError("groupCode", "unknown group")));
        }
        Window window = Window.of(kind, date);
        if (!window.end().isBefore(calendars.today())) {
            throw ProblemException.ruleViolation("period-not-past", "Only a past period can be locked; "
                    + window.start() + " to " + window.end() + " is not over", List.of(new Problem.FieldError("date", "period not over")));
        }
        long overlapping = PeriodLock.count("groupCode = ?1 and reopenedAt is null and startDate <= ?2 and endDate >= ?3",
                groupCode, window.end(), window.start());
        if (overlapping > 0) {
            throw ProblemException.conflict("already-locked", "Group " + groupCode + " already has a lock touching "
                    + window.start() + " to " + window.end());
        }
        PeriodLock lock = new PeriodLock();
        lock.groupCode = groupCode;
        lock.windowKind = kind;
        lock.startDate = window.start();
        lock.endDate = window.end();
        lock.lockedBy = access.callerId();
        lock.lockedAt = OffsetDateTime.now(ZoneOffset.UTC);
        lock.persist();
        List<QuotaEvents.PersonFigures> people = attainment.members(groupCode, window).stream()
                .map(m -> new QuotaEvents.PersonFigures(m.report().staff().id, m.report().staff().name,
                        m.report().items().stream()
                                .map(i -> QuotaEvents.ItemFigure.of(i, m.dutyByItem().get(i.item().id())))
                                .toList(),
                        m.report().workloadMinutes(), m.report().workingMinutes()))
                .toList();
        outbox.record(QuotaEvents.PERIODS_TOPIC, QuotaEvents.PERIOD_LOCKED, "group", groupCode,
                new QuotaEvents.PeriodLockedData(lock.id, groupCode, kind, window.start(), window.end(), lock.lockedBy, people));
        return lock;
    }

    @Transactional
    public PeriodLock reopen(long id, String ifMatch, String reason) {
        access.requireDepartmentWide();
        PeriodLock lock = require(id);
        Preconditions.requireCurrent(ifMatch, "Lock " + id, lock.version);
        if (!lock.isActive()) {
            throw ProblemException.conflict("already-reopened", "Lock " + id + " was reopened at " + lock.reopenedAt);
        }
        lock.reopenedBy = access.callerId();
        lock.reopenedAt = OffsetDateTime.now(ZoneOffset.UTC);
        lock.reopenReason = reason;
        outbox.record(QuotaEvents.PERIODS_TOPIC, QuotaEvents.PERIOD_REOPENED, "group", lock.groupCode,
                new QuotaEvents.PeriodReopenedData(lock.id, lock.groupCode, lock.windowKind, lock.startDate, lock.endDate,
                        lock.reopenedBy, reason));
        return lock;
    }

    /** One lock, for those who may read its group's locks. */
    public PeriodLock read(long id) {
        PeriodLock lock = require(id);
        access.requireReadGroup(lock.groupCode);
        return lock;
    }

    public PeriodLock require(long id) {
        return PeriodLock.<PeriodLock>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("period lock", id));
    }

    public List<PeriodLock> list(String groupCode) {
        if (groupCode != null) {
            access.requireReadGroup(groupCode);
            return PeriodLock.list("groupCode = ?1 order by startDate", groupCode);
        }
        return PeriodLock.<PeriodLock>list("order by groupCode, startDate").stream()
                .filter(l -> access.readsEverything() || access.supervises(l.groupCode))
                .toList();
    }
}
