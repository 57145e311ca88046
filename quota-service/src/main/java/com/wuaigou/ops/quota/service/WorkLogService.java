package com.wuaigou.ops.quota.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.common.concurrency.Preconditions;
import com.wuaigou.ops.common.events.Outbox;
import com.wuaigou.ops.common.jdbc.TransactionSql;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.roster.RosterService;
import com.wuaigou.ops.common.roster.RosterStaff;
import com.wuaigou.ops.quota.domain.LogFact;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.Shape;
import com.wuaigou.ops.quota.domain.WorkLog;
import com.wuaigou.ops.quota.domain.WorkLogCorrection;
import com.wuaigou.ops.quota.events.QuotaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** Recording and correcting work, with the refusals of the plan and their events. */
@ApplicationScoped
public class WorkLogService {

    private final WorkingStaff working;
    private final CatalogService catalog;
    private final CalendarService calendars;
    private final Access access;
    private final Outbox outbox;
    private final AttainmentJudge attainment;
    private final ObjectMapper objectMapper;
    private final EntityManager entityManager;
    private final AttainmentTotals totals;
    private final TransactionSql sql;

    WorkLogService(WorkingStaff working, CatalogService catalog, CalendarService calendars, Access access, Outbox outbox,
                   AttainmentJudge attainment, AttainmentTotals totals, ObjectMapper objectMapper,
                   EntityManager entityManager, TransactionSql sql) {
        this.working = working;
        this.catalog = catalog;
        this.calendars = calendars;
        this.access = access;
        this.outbox = outbox;
        this.attainment = attainment;
        this.totals = totals;
        this.objectMapper = objectMapper;
        this.entityManager = entityManager;
        this.sql = sql;
    }

    /**
     * What a log says; a null staff id means the caller, a null quantity one unit; the crew lists the others who did
     * it.
     */
    public record LogInput(Long staffId, String itemCode, LocalDate workDate, BigDecimal quantity, Integer minutes,
                           String slot, List<Long> crew, String note) {
    }

    /**
     * Records a log and renders it, given its item's code, in the same transaction. An {@code Idempotency-Key} is
     * ops-common's concern ({@code @Idempotent} on the resource): this transaction joins the one that claimed the key.
     */
    @Transactional
    public <T> T record(LogInput input, BiFunction<WorkLog, String, T> render) {
        Session session = entityManager.unwrap(Session.class);
        // Nothing this write reads is written by it before commit, so one flush at commit does instead of one per query.
        session.setHibernateFlushMode(FlushMode.COMMIT);
        // It only adds rows, with plain statements: whatever the rules load through Hibernate is read, never changed,
        // so no snapshot is kept of it and the flush checks none of it.
        session.setDefaultReadOnly(true);
        // The item was found by exactly this code.
        return render.apply(create(input, access.callerId()), input.itemCode());
    }

    /**
     * Corrects a log: its author until the period is locked, or a manager of its group (or a director or admin) with a
     * reason. Locked periods refuse everyone; a director reopens them first. Each correction keeps the former state.
     */
    @Transactional
    public WorkLog correct(long id, String ifMatch, LogInput input, String reason) {
        WorkLog log = require(id);
        long callerId = access.callerId();
        boolean author = log.staffId == callerId;
        boolean manager = access.supervises(log.groupCode);
        if (!author && !manager) {
            throw ProblemException.forbidden("Only the log's author or a manager of group " + log.groupCode + " may correct it");
        }
        if (!author && (reason == null || reason.isBlank())) {
            throw ProblemException.ruleViolation("reason-required", "A manager's correction needs a reason",
                    List.of(new Problem.FieldError("reason", "must not be blank")));
        }
        Preconditions.requireCurrent(ifMatch, "Work log " + id, log.version);
        requireUnlocked(dayOfWork(log.groupCode, log.staffId, log.itemId, log.workDate));
        QuotaItem item = QuotaItem.findById(log.itemId);
        RosterStaff staff = working.require(log.staffId, "staffId");
        LocalDate workDate = input.workDate() == null ? log.workDate : input.workDate();
        String group = staff.groupOn(workDate);
        DayOfWork day = requireUnlocked(dayOfWork(group, log.staffId, item.id, workDate));
        String before = json(LogState.of(log));
        LogFact previous = fact(log);
        Set<Long> crew = validated(item, staff, workDate, input, working::require);

        log.workDate = workDate;
        log.groupCode = group;
        log.quantity = input.quantity() == null ? log.quantity : input.quantity();
        log.minutes = input.minutes();
        log.slot = input.slot();
        log.note = input.note();
        log.crew.clear();
        log.crew.addAll(crew);
        log.unplanned = !day.planned();
        log.revision++;
        entityManager.flush();

        WorkLogCorrection correction = new WorkLogCorrection();
        correction.workLogId = log.id;
        correction.revision = log.revision;
        correction.correctedBy = callerId;
        correction.correctedAt = OffsetDateTime.now(ZoneOffset.UTC);
        correction.reason = reason;
        correction.beforeState = before;
        correction.afterState = json(LogState.of(log));
        correction.persist();

        attainment.workChanged(CatalogService.spec(item, List.of()), List.of(fact(log)), List.of(previous));
        outbox.record(QuotaEvents.WORKLOGS_TOPIC, QuotaEvents.WORKLOG_CORRECTED, "staff", log.staffId.toString(),
                event(log, item, callerId, reason));
        return log;
    }

    public WorkLog require(long id) {
        return WorkLog.<WorkLog>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("work log", id));
    }

    public WorkLog read(long id) {
        WorkLog log = require(id);
        requireRead(log);
        return log;
    }

    public List<WorkLogCorrection> corrections(long id) {
        requireRead(require(id));
        return WorkLogCorrection.list("workLogId = ?1 order by revision", id);
    }

    /** Logs the caller may see, filtered by person, group and dates. */
    public List<WorkLog> list(Long staffId, String groupCode, LocalDate from, LocalDate to) {
        StringBuilder query = new StringBuilder("workDate between :from and :to");
        Map<String, Object> params = new HashMap<>(Map.of("from", from, "to", to));
        if (staffId != null) {
            query.append(" and staffId = :staff");
            params.put("staff", staffId);
        }
        if (groupCode != null) {
            query.append(" and groupCode = :group");
            params.put("group", groupCode);
        }
        query.append(" order by workDate, id");
        return WorkLog.<WorkLog>list(query.toString(), params).stream()
                .filter(l -> access.readsEverything() || l.staffId == access.callerId() || access.supervises(l.groupCode))
                .toList();
    }

    /** How often a new log is written again because a copy it relied on had moved, before it is refused. */
    private static final int ATTEMPTS = 3;

    /**
     * Records a new log from this instance's copies of its item and people, which the log's own statement checks are
     * current. When one moved (another instance changed the item, or the roster copy took a newer snapshot), or a
     * refusal came from copies, they are forgotten and the log is validated and written again from fresh reads.
     */
    private WorkLog create(LogInput input, long callerId) {
        for (int attempt = 1; ; attempt++) {
            Copies copies = new Copies();
            try {
                Optional<WorkLog> log = createFrom(copies, input, callerId);
                if (log.isPresent()) {
                    return log.get();
                }
            } catch (ProblemException refusal) {
                if (attempt > 1) {
                    throw refusal;
                }
            }
            copies.forget();
            if (attempt == ATTEMPTS) {
                throw ProblemException.conflict("concurrent-change", "The item or the people of this log changed "
                        + ATTEMPTS + " times while it was written; send it again");
            }
        }
    }

    /** Writes the log unless a copy it relied on has moved (then empty); refusals as the rules say. */
    private Optional<WorkLog> createFrom(Copies copies, LogInput input, long callerId) {
        QuotaItem item = copies.item(input.itemCode());
        long subject = input.staffId() == null ? callerId : input.staffId();
        RosterStaff staff = copies.person(subject, "staffId");
        String group = staff.groupOn(input.workDate());
        if (!access.mayActFor(staff, group)) {
            throw ProblemException.forbidden("Staff log only their own work");
        }
        Set<Long> crew = validated(item, staff, input.workDate(), input, copies::person);

        WorkLog log = new WorkLog();
        log.staffId = staff.id;
        log.itemId = item.id;
        log.groupCode = group;
        log.workDate = input.workDate();
        log.quantity = input.quantity() == null ? BigDecimal.ONE : input.quantity();
        log.minutes = input.minutes();
        log.slot = input.slot();
        log.note = input.note();
        log.crew.addAll(crew);
        log.createdBy = callerId;
        log.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        AttainmentJudge.WorkChange change = attainment.change(CatalogService.spec(item, List.of()), List.of(fact(log)),
                List.of());
        if (!insertUnlessLocked(log, change, copies)) {
            return Optional.empty();
        }
        outbox.record(QuotaEvents.WORKLOGS_TOPIC, QuotaEvents.WORKLOG_RECORDED, "staff", log.staffId.toString(),
                event(log, item, callerId, null));
        return Optional.of(log);
    }

    /** The copies one attempt at a new log relied on: its item and everyone it credits. */
    private final class Copies {
        private QuotaItem item;
        private final Map<Long, RosterStaff> people = new LinkedHashMap<>();

        QuotaItem item(String code) {
            item = catalog.remembered(code).orElseThrow(() -> ProblemException.ruleViolation("unknown-item",
                    "No quota item with code " + code, List.of(new Problem.FieldError("itemCode", "unknown item"))));
            return item;
        }

        RosterStaff person(long staffId, String field) {
            // Noted before the copy is judged, so that a copy that led to a refusal is forgotten too.
            people.put(staffId, null);
            RosterStaff person = working.requireRemembered(staffId, field);
            people.put(staffId, person);
            return person;
        }

        /** The parameters of {@link #CURRENT}, in its order. */
        List<Object> current() {
            return List.of(item.id, item.version, SqlArrays.of(people.keySet()),
                    SqlArrays.of(people.values(), person -> person.version));
        }

        void forget() {
            if (item != null) {
                catalog.forget(item.code);
            }
            people.keySet().forEach(working::forget);
        }

        /** Whether the copies are current, as the {@code with} part {@code copies}, column {@code current}. */
        static final String CURRENT = "copies as (select " + CatalogService.COPY_CURRENT + " and "
                + RosterService.COPIES_CURRENT + " as current)";
    }

    /** The refusals shared by new logs and corrections; returns the crew, the subject included. */
    private Set<Long> validated(QuotaItem item, RosterStaff staff, LocalDate workDate, LogInput input,
                                BiFunction<Long, String, RosterStaff> people) {
        if (workDate.isAfter(calendars.today())) {
            throw refusal("future-date", "workDate", "Work cannot be logged for " + workDate + ", a future date");
        }
        if (item.isRetiredOn(workDate)) {
            throw refusal("item-retired", "itemCode", "Item " + item.code + " is retired from " + item.retiredOn);
        }
        if (input.quantity() != null && input.quantity().signum() < 0) {
            throw ProblemException.badRequest("quantity", "must not be negative");
        }
        if ((item.shape == Shape.RATE || item.shape == Shape.DURATION) && input.minutes() == null) {
            throw refusal("minutes-required", "minutes", "A " + item.shape + " item needs the minutes spent");
        }
        List<String> slots = item.slotList();
        if (input.slot() == null && item.shape == Shape.COVERAGE) {
            throw refusal("slot-required", "slot", "Item " + item.code + " is logged per slot: one of " + slots);
        }
        if (input.slot() != null && !slots.contains(input.slot())) {
            throw refusal("unknown-slot", "slot", slots.isEmpty() ? "Item " + item.code + " has no slots"
                    : "Item " + item.code + " has slots " + slots + ", not " + input.slot());
        }
        Set<Long> crew = new LinkedHashSet<>();
        crew.add(staff.id);
        if (input.crew() != null) {
            for (Long member : input.crew()) {
                crew.add(people.apply(member, "crew").id);
            }
        }
        if (item.shape == Shape.STANDARD_TIME && item.crewMin != null
                && (crew.size() < item.crewMin || crew.size() > item.crewMax)) {
            throw refusal("crew-size", "crew", "Item " + item.code + " is done by " + item.crewMin + " to " + item.crewMax
                    + " people, the log names " + crew.size());
        }
        return crew;
    }

    private static ProblemException refusal(String rule, String field, String detail) {
        return ProblemException.ruleViolation(rule, detail, List.of(new Problem.FieldError(field, detail)));
    }

    /** What a log's day holds for it: whether its group's period is locked, and whether its item is assigned to the person. */
    private record DayOfWork(String groupCode, LocalDate date, boolean locked, boolean planned) {
    }

    /**
     * Both facts of a log's day, as one row (locked, planned), with the day's group, date, person and item that it
     * takes as parameters in that order: every log and correction needs them.
     */
    private static final String DAY_OF_WORK = """
            select exists (select 1 from period_lock where group_code = day.group_code and start_date <= day.work_date
                               and end_date >= day.work_date and reopened_at is null) as locked,
                   exists (select 1 from assignment where staff_id = day.staff_id and item_id = day.item_id
                               and valid_from <= day.work_date and (valid_to is null or valid_to >= day.work_date)) as planned,
                   day.group_code, day.work_date, day.staff_id, day.item_id
            from (select cast(? as varchar) as group_code, cast(? as date) as work_date, cast(? as bigint) as staff_id,
                         cast(? as bigint) as item_id) day""";

    private DayOfWork dayOfWork(String groupCode, long staffId, long itemId, LocalDate date) {
        return sql.first(DAY_OF_WORK, row -> new DayOfWork(groupCode, date, row.getBoolean(1), row.getBoolean(2)),
                groupCode, date, staffId, itemId).orElseThrow();
    }

    /** {@link #insertUnlessLocked}'s statement, built once. */
    private static final String INSERT_LOG = "with day as (" + DAY_OF_WORK + "), " + Copies.CURRENT + ", "
            + AttainmentTotals.parts("(select not day.locked and copies.current from day, copies)") + """
            ,
            inserted as (
                insert into work_log (staff_id, item_id, group_code, work_date, quantity, minutes, slot, note,
                    unplanned, created_by, created_at)
                select staff_id, item_id, group_code, work_date, cast(? as numeric), cast(? as integer),
                    cast(? as varchar), cast(? as varchar), not planned, cast(? as bigint), cast(? as timestamptz)
                from day where not locked and (select current from copies) and (select locks from locked) >= 0
                returning id),
            crew as (
                insert into work_log_crew (work_log_id, staff_id)
                select inserted.id, member from inserted, unnest(cast(? as bigint[])) member)
            select day.locked, day.planned, copies.current, inserted.id,
                case when written.rows >= 0 and not day.locked and copies.current then %s end
            from day cross join copies
                cross join (select (select count(*) from person) + (select count(*) from item)
                    + (select count(*) from cover) as rows) written
                left join inserted on true""".formatted(AttainmentJudge.FACTS);

    /**
     * Inserts a new log and its crew, unplanned when no assignment covers the item for the person that day, with the
     * change it makes to the totals (the locks of its windows first), if the copies it was built from are current and
     * the group's period is not locked. Otherwise nothing is written: a locked period is refused, and copies that moved
     * answer false. Once written, the change is judged from facts the same statement read after writing the totals
     * ({@link AttainmentJudge#FACTS}). One statement for the copies' check, the day's facts, the totals, the log, the
     * crew and the judging read: every request writes a log, and each round trip was a large share of its cost.
     */
    private boolean insertUnlessLocked(WorkLog log, AttainmentJudge.WorkChange change, Copies copies) {
        List<Object> parameters = new ArrayList<>(List.of(log.groupCode, log.workDate, log.staffId, log.itemId));
        parameters.addAll(copies.current());
        parameters.addAll(totals.parameters(change));
        parameters.addAll(Arrays.asList(log.quantity, log.minutes, log.slot, log.note, log.createdBy, log.createdAt,
                SqlArrays.of(log.crew)));
        parameters.addAll(attainment.factsParameters(change));
        Inserted inserted = sql.first(INSERT_LOG,
                        row -> new Inserted(new DayOfWork(log.groupCode, log.workDate, row.getBoolean(1), row.getBoolean(2)),
                                row.getBoolean(3), row.getLong(4), row.getString(5)),
                        parameters.toArray())
                .orElseThrow();
        if (!inserted.current()) {
            return false;
        }
        requireUnlocked(inserted.day());
        log.id = inserted.id();
        log.unplanned = !inserted.day().planned();
        attainment.judge(change, inserted.facts());
        return true;
    }

    /**
     * The new log's day, whether its copies were current, its id (none when nothing was written), and the judging facts
     * read after its totals were written (none when nothing was written or the item is not judged).
     */
    private record Inserted(DayOfWork day, boolean current, long id, String facts) {
    }


    private static DayOfWork requireUnlocked(DayOfWork day) {
        if (day.locked()) {
            throw refusal("period-locked", "workDate", "The period of " + day.date() + " is locked for group " + day.groupCode());
        }
        return day;
    }

    private void requireRead(WorkLog log) {
        if (!access.readsEverything() && log.staffId != access.callerId() && !log.crew.contains(access.callerId())
                && !access.supervises(log.groupCode)) {
            throw ProblemException.forbidden("Staff read only their own logs, managers their own group's");
        }
    }

    /** The log as the totals count it; the specs' targets play no part there. */
    private static LogFact fact(WorkLog log) {
        return new LogFact(log.itemId, log.workDate, log.quantity, log.minutes, log.slot,
                log.crew.stream().sorted().toList());
    }

    private static QuotaEvents.WorkLogData event(WorkLog log, QuotaItem item, long actorId, String reason) {
        return new QuotaEvents.WorkLogData(log.id, log.staffId, item.code, item.groupCode, log.groupCode, log.workDate,
                log.quantity, log.minutes, log.slot, log.crew.stream().sorted().toList(), log.note, log.unplanned,
                log.revision, actorId, reason);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** The state of a log kept in its corrections. */
    record LogState(LocalDate workDate, BigDecimal quantity, Integer minutes, String slot, List<Long> crew,
                           String note, String groupCode, boolean unplanned, int revision) {
        static LogState of(WorkLog log) {
            return new LogState(log.workDate, log.quantity, log.minutes, log.slot,
                    log.crew.stream().sorted().toList(), log.note, log.groupCode, log.unplanned, log.revision);
        }
    }
}
