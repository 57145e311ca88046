package com.wuaigou.ops.personnel.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.wuaigou.ops.common.events.CloudEvent;
import com.wuaigou.ops.common.events.EventReader;
import com.wuaigou.ops.common.events.ProcessedEvents;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.personnel.domain.ScorecardItem;
import com.wuaigou.ops.personnel.domain.ScorecardLock;
import com.wuaigou.ops.personnel.domain.ScorecardPerson;
import com.wuaigou.ops.personnel.domain.ScorecardProject;
import com.wuaigou.ops.personnel.domain.ScorecardProjectMember;
import com.wuaigou.ops.personnel.events.ScorecardPayloads.ItemFigure;
import com.wuaigou.ops.personnel.events.ScorecardPayloads.PeriodLocked;
import com.wuaigou.ops.personnel.events.ScorecardPayloads.PeriodReopened;
import com.wuaigou.ops.personnel.events.ScorecardPayloads.PersonFigures;
import com.wuaigou.ops.personnel.events.ScorecardPayloads.ProjectFinished;
import com.wuaigou.ops.personnel.events.ScorecardPayloads.ProjectMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one code path that turns quota's period events and project's finished events into the scorecard's tables, used
 * by the live consumer and by the rebuild alike. Each event applies once per consumer ({@link ProcessedEvents}); a
 * lock replaces the older locks of its group and month, and a replayed older lock changes nothing.
 */
@ApplicationScoped
public class ScorecardLedger {

    public static final String CONSUMER = "personnel.scorecard";
    public static final String PERIODS_TOPIC = "ops.quota.periods";
    public static final String PROJECTS_TOPIC = "ops.project.projects";
    static final String PERIOD_LOCKED = "ops.quota.period.locked.v1";
    static final String PERIOD_REOPENED = "ops.quota.period.reopened.v1";
    static final String PROJECT_CLOSED = "ops.project.closed.v1";
    static final String PROJECT_CANCELLED = "ops.project.cancelled.v1";
    /** Scorecards are monthly; quota's day and week locks are not kept. */
    static final String MONTH = "MONTH";
    /** Live applications share this PostgreSQL advisory lock; a rebuild holds it alone until it commits. */
    private static final long APPLY_LOCK_KEY = 0x5C0_2ECA_2DL;

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final EntityManager entityManager;
    private final DepartmentClock clock;

    ScorecardLedger(EventReader reader, ProcessedEvents processed, EntityManager entityManager, DepartmentClock clock) {
        this.reader = reader;
        this.processed = processed;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** An event with its typed payload; {@code data} is null for events the scorecard does not use. */
    public record ScorecardEvent(String id, String type, Object data) {
    }

    /**
     * Reads an envelope.
     *
     * @throws IllegalArgumentException when the record is not a CloudEvent or its data is unreadable
     */
    public ScorecardEvent parse(String value) {
        CloudEvent<JsonNode> event = reader.read(value);
        Object data = switch (event.type()) {
            case PERIOD_LOCKED -> monthOnly(reader.data(event, PeriodLocked.class));
            case PERIOD_REOPENED -> monthOnly(reader.data(event, PeriodReopened.class));
            case PROJECT_CLOSED, PROJECT_CANCELLED -> reader.data(event, ProjectFinished.class);
            default -> null;
        };
        return new ScorecardEvent(event.id(), event.type(), data);
    }

    /** Applies an event once; answers whether it changed the scorecard's tables (false for ignored or repeated ones). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(ScorecardEvent event) {
        if (event.data() == null) {
            return false;
        }
        advisoryLock("pg_advisory_xact_lock_shared");
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return false;
        }
        if (event.data() instanceof PeriodLocked locked) {
            applyLock(locked);
        } else if (event.data() instanceof PeriodReopened reopened) {
            applyReopen(reopened);
        } else if (event.data() instanceof ProjectFinished finished) {
            applyFinished(finished, PROJECT_CLOSED.equals(event.type()) ? ScorecardProject.CLOSED : "CANCELLED");
        }
        return true;
    }

    /** Empties the scorecard's tables and its de-duplication ledger, holding every live application off until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear() {
        advisoryLock("pg_advisory_xact_lock");
        ScorecardItem.deleteAll();
        ScorecardPerson.deleteAll();
        ScorecardLock.deleteAll();
        ScorecardProjectMember.deleteAll();
        ScorecardProject.deleteAll();
        processed.forget(CONSUMER);
    }

    private void applyLock(PeriodLocked event) {
        if (ScorecardLock.findById(event.lockId()) != null) {
            return;
        }
        List<ScorecardLock> sameMonth = ScorecardLock.list("groupCode = ?1 and monthStart = ?2", event.groupCode(),
                event.start());
        if (sameMonth.stream().anyMatch(l -> l.lockId > event.lockId())) {
            return;
        }
        for (ScorecardLock older : sameMonth) {
            dropFigures(older.lockId);
            older.delete();
        }
        ScorecardLock lock = new ScorecardLock();
        lock.lockId = event.lockId();
        lock.groupCode = event.groupCode();
        lock.monthStart = event.start();
        lock.monthEnd = event.end();
        lock.lockedBy = event.lockedBy();
        lock.persist();
        for (PersonFigures figures : nullToEmpty(event.people())) {
            ScorecardPerson person = new ScorecardPerson();
            person.lockId = lock.lockId;
            person.staffId = figures.staffId();
            person.name = figures.name();
            person.workloadMinutes = figures.workloadMinutes();
            person.workingMinutes = figures.workingMinutes();
            person.persist();
            for (ItemFigure figure : nullToEmpty(figures.items())) {
                ScorecardItem item = new ScorecardItem();
                item.personId = person.id;
                item.itemCode = figure.itemCode();
                item.targetLow = figure.targetLow();
                item.targetHigh = figure.targetHigh();
                item.done = figure.done();
                item.creditedMinutes = figure.creditedMinutes();
                item.ratio = figure.ratio();
                item.status = figure.status();
                item.planned = figure.planned();
                item.duty = figure.duty();
                item.persist();
            }
        }
    }

    /** A reopened lock loses its figures until its group's month is locked again (under a new lock id). */
    private void applyReopen(PeriodReopened event) {
        ScorecardLock lock = ScorecardLock.findById(event.lockId());
        if (lock == null) {
            if (ScorecardLock.count("groupCode = ?1 and monthStart = ?2 and lockId > ?3", event.groupCode(),
                    event.start(), event.lockId()) > 0) {
                return;
            }
            lock = new ScorecardLock();
            lock.lockId = event.lockId();
            lock.groupCode = event.groupCode();
            lock.monthStart = event.start();
            lock.monthEnd = event.end();
            lock.persist();
        }
        dropFigures(lock.lockId);
        lock.reopened = true;
    }

    private void applyFinished(ProjectFinished event, String outcome) {
        ScorecardProjectMember.delete("projectId", event.projectId());
        ScorecardProject found = ScorecardProject.findById(event.projectId());
        ScorecardProject project = found == null ? new ScorecardProject() : found;
        project.projectId = event.projectId();
        project.code = event.code();
        project.type = event.type();
        project.title = event.title();
        project.groupCode = event.groupCode();
        project.outcome = outcome;
        project.evaluationScore = event.evaluationScore();
        project.finishedOn = event.finishedAt() == null ? null
                : event.finishedAt().atZoneSameInstant(clock.zone()).toLocalDate();
        if (found == null) {
            project.persist();
        }
        List<ProjectMember> members = new ArrayList<>(nullToEmpty(event.members()));
        if (members.isEmpty()) {
            members.add(new ProjectMember(event.leadId(), ScorecardProjectMember.LEAD, null));
        }
        Set<Long> seen = new HashSet<>();
        for (ProjectMember member : members) {
            if (!seen.add(member.staffId())) {
                continue;
            }
            ScorecardProjectMember credit = new ScorecardProjectMember();
            credit.projectId = event.projectId();
            credit.staffId = member.staffId();
            credit.role = member.role() == null ? "ASSISTANT" : member.role();
            credit.sharePercent = member.sharePercent();
            credit.persist();
        }
    }

    private static void dropFigures(long lockId) {
        ScorecardItem.delete("personId in (select p.id from ScorecardPerson p where p.lockId = ?1)", lockId);
        ScorecardPerson.delete("lockId", lockId);
    }

    private void advisoryLock(String function) {
        entityManager.createNativeQuery("select count(*) from (select " + function + "(:key)) as held")
                .setParameter("key", APPLY_LOCK_KEY)
                .getSingleResult();
    }

    private static <T> T monthOnly(T data) {
        String kind = data instanceof PeriodLocked l ? l.windowKind() : ((PeriodReopened) data).windowKind();
        return MONTH.equals(kind) ? data : null;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
