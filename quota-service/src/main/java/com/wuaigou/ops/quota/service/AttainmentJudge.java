package com.wuaigou.ops.quota.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.wuaigou.ops.common.events.Outbox;
import com.wuaigou.ops.common.jdbc.TransactionSql;
import com.wuaigou.ops.quota.domain.AssignmentSpan;
import com.wuaigou.ops.quota.domain.AttainmentCalculator;
import com.wuaigou.ops.quota.domain.Contribution;
import com.wuaigou.ops.quota.domain.DayTotal;
import com.wuaigou.ops.quota.domain.ItemAttainment;
import com.wuaigou.ops.quota.domain.ItemSpec;
import com.wuaigou.ops.quota.domain.LogFact;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.SlotCover;
import com.wuaigou.ops.quota.domain.Tally;
import com.wuaigou.ops.quota.domain.Window;
import com.wuaigou.ops.quota.domain.WindowKind;
import com.wuaigou.ops.quota.events.QuotaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the running totals and judges every (person or group, item, window) a change touches, emitting
 * {@code attainment.met.v1} each time one goes from not met to met and {@code unmet.v1} each time it goes back.
 *
 * <p>Judging is serialised per item and window: a transaction first takes a PostgreSQL advisory lock for every
 * (item, window) it touches, all in one statement in ascending key order (so two writers never deadlock), and only
 * then changes totals and reads them. Locks are held until commit, so a second writer, on this instance or another,
 * reads the first one's committed work when it judges. A person's window of an item is only ever changed by writers
 * of that item's windows, so the item's locks cover the people too.
 */
@ApplicationScoped
public class AttainmentJudge {

    private static final String PERSON = "PERSON";
    private static final String GROUP = "GROUP";

    private final AttainmentTotals totals;
    private final CalendarService calendars;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final TransactionSql sql;
    private final ObjectReader factsReader;

    AttainmentJudge(AttainmentTotals totals, CalendarService calendars, Outbox outbox, EntityManager entityManager,
                    TransactionSql sql, ObjectMapper json) {
        this.totals = totals;
        this.calendars = calendars;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.sql = sql;
        this.factsReader = JudgingFacts.reader(json);
    }

    /**
     * What logs added and former states taken away (a correction is both) change, one item per call: the totals to
     * write, with the locks of the item's windows to take first when the item is judged, then whom to judge. Written
     * by {@link AttainmentTotals#apply} or as part of the log's own statement ({@link AttainmentTotals#parts}), then
     * judged ({@link #judge(WorkChange, String)}).
     */
    public WorkChange change(ItemSpec item, List<LogFact> added, List<LogFact> removed) {
        Set<LocalDate> dates = new TreeSet<>();
        Set<Long> people = new TreeSet<>();
        Stream.concat(added.stream(), removed.stream()).forEach(log -> {
            dates.add(log.workDate());
            people.addAll(log.crew());
        });
        List<Window> windows = windowsOf(dates);
        boolean judged = item.shape().hasTarget();
        return new WorkChange(item.id(), judged, people, windows, judged ? lockKeys(List.of(item.id()), windows) : List.of(),
                added.stream().map(log -> Contribution.of(item, log)).toList(),
                removed.stream().map(log -> Contribution.of(item, log)).toList());
    }

    /**
     * The totals a change of one item's logs writes, and what it judges: everyone credited, in the windows of the
     * logs' dates, under the locks of those windows (none when the item has no target, as nothing is judged).
     */
    public record WorkChange(long itemId, boolean judged, Set<Long> people, List<Window> windows, List<Long> locks,
                             List<Contribution> added, List<Contribution> removed) {
    }

    /** Records logs added and former states taken away in the totals, and judges them. One item per call. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void workChanged(ItemSpec item, List<LogFact> added, List<LogFact> removed) {
        WorkChange change = change(item, added, removed);
        // Nothing read here is changed by writing logs, so the caller's pending changes need no flush first.
        withoutAutoFlush(false, () -> {
            totals.apply(change);
            judgeWritten(change);
        });
    }

    private void judgeWritten(WorkChange change) {
        if (change.judged()) {
            judge(List.of(change.itemId()), change.people(), change.windows());
        }
    }

    /**
     * The judging read of a change as an expression for the end of its caller's statement, after the statement has
     * written the change's totals under its locks: the JSON document of {@link JudgingFacts}, or null when the item is
     * not judged. It takes {@link #factsParameters}.
     *
     * <p>{@code judging_facts} is VOLATILE (migration V7), so it reads with a snapshot of its own taken when it runs:
     * everything committed by then, which under the locks is every earlier writer's work, and what its calling
     * statement has written so far. The caller must make sure the totals are written before it runs.
     */
    static final String FACTS = "case when cast(? as boolean) then " + JudgingFacts.CALL + " end";

    /** The parameters of {@link #FACTS} for a change, in order. */
    public List<Object> factsParameters(WorkChange change) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(change.judged());
        parameters.addAll(JudgingFacts.parameters(List.of(change.itemId()), change.people(), change.windows()));
        return parameters;
    }

    /** Judges a change its caller has written, with its locks, from the facts its statement read ({@link #FACTS}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void judge(WorkChange change, String facts) {
        if (change.judged()) {
            withoutAutoFlush(false, () -> judge(JudgingFacts.parse(factsReader, facts), change.people(), change.windows()));
        }
    }

    /**
     * Judges the items (every item when null) again for the windows holding the dates, for the given people and the
     * group, or for everyone involved when {@code people} is null: after an assignment, a target or a calendar change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rejudge(Collection<Long> itemIds, Collection<Long> people, Collection<LocalDate> dates) {
        LocalDate today = calendars.today();
        List<Window> windows = windowsOf(dates).stream().filter(w -> !w.start().isAfter(today)).toList();
        List<QuotaItem> items = itemIds == null ? QuotaItem.listAll()
                : itemIds.isEmpty() ? List.of() : QuotaItem.list("id in ?1", itemIds);
        List<Long> judged = items.stream().filter(item -> item.shape.hasTarget()).map(item -> item.id).sorted().toList();
        if (windows.isEmpty() || judged.isEmpty()) {
            return;
        }
        withoutAutoFlush(true, () -> {
            lock(judged, windows);
            judge(judged, people, windows);
        });
    }

    /**
     * Runs the locking, totals and judging statements without a flush before each of them: they change no entity, so
     * a dirty check of the session per statement would be waste. With {@code flushFirst} the caller's changes (an
     * assignment, a number, a calendar day) are written once before, since judging reads them.
     */
    private void withoutAutoFlush(boolean flushFirst, Runnable work) {
        Session session = entityManager.unwrap(Session.class);
        if (flushFirst) {
            session.flush();
        }
        FlushMode mode = session.getHibernateFlushMode();
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            work.run();
        } finally {
            session.setHibernateFlushMode(mode);
        }
    }

    /** Judges a person's item again for every day from {@code from} to {@code to} (or today), after their assignment moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rejudgeAssignment(long itemId, long staffId, LocalDate from, LocalDate to) {
        LocalDate today = calendars.today();
        LocalDate last = to == null || to.isAfter(today) ? today : to;
        if (from.isAfter(last)) {
            return;
        }
        rejudge(List.of(itemId), List.of(staffId), from.datesUntil(last.plusDays(1)).toList());
    }

    /** Judges the windows holding the date again, for everyone involved, in the transaction that moved the targets. */
    void targetsMoved(@Observes TargetsMoved moved) {
        rejudge(moved.itemIds(), null, List.of(moved.date()));
    }

    /** The day, ISO week and month of every date. */
    private static List<Window> windowsOf(Collection<LocalDate> dates) {
        Set<Window> windows = new LinkedHashSet<>();
        for (LocalDate date : new TreeSet<>(dates)) {
            for (WindowKind kind : WindowKind.values()) {
                windows.add(Window.of(kind, date));
            }
        }
        return List.copyOf(windows);
    }

    /**
     * The advisory lock key of an item's window: item id, window kind and the window's first day as days since
     * 1970 (20 bits, to the year 4840) in one bigint.
     */
    private static long lockKey(long itemId, Window window) {
        return (itemId << 22) | ((long) window.kind().ordinal() << 20) | window.start().toEpochDay();
    }

    /** The lock keys of the items' windows, ascending: every writer takes them in this order. */
    private static List<Long> lockKeys(Collection<Long> itemIds, Collection<Window> windows) {
        return itemIds.stream()
                .flatMap(item -> windows.stream().map(window -> lockKey(item, window)))
                .distinct().sorted().toList();
    }

    private void lock(Collection<Long> itemIds, Collection<Window> windows) {
        // The array is taken in its own order, one lock after the other.
        sql.first("select count(*) from (select pg_advisory_xact_lock(k) from unnest(cast(? as bigint[])) k) locked",
                row -> row.getLong(1), SqlArrays.of(lockKeys(itemIds, windows)));
    }

    /**
     * Judges the items' windows for their groups and the people (everyone involved when null), reading everything in
     * one statement whatever the number of items; the caller holds the windows' locks.
     */
    private void judge(List<Long> itemIds, Collection<Long> people, List<Window> windows) {
        judge(JudgingFacts.read(sql, factsReader, itemIds, people, windows), people, windows);
    }

    /** Judges from facts read under the windows' locks. */
    private void judge(JudgingFacts facts, Collection<Long> people, List<Window> windows) {
        Map<Long, List<SlotCover>> covers = facts.covers().stream().collect(Collectors.groupingBy(SlotCover::itemId));
        Map<Long, List<DayTotal>> itemDays = facts.itemDays().stream().collect(Collectors.groupingBy(DayTotal::itemId));
        Map<List<Long>, List<DayTotal>> personDays = facts.personDays().stream()
                .collect(Collectors.groupingBy(d -> List.of(d.total().itemId(), d.staffId()),
                        Collectors.mapping(AttainmentTotals.PersonDay::total, Collectors.toList())));
        Map<StateKey, Boolean> states = facts.states().stream().collect(Collectors.toMap(
                row -> new StateKey(row.itemId(), row.subjectType(), row.subjectId(), row.window()),
                JudgingFacts.StateRow::met));
        Map<List<Long>, List<AssignmentSpan>> spans = facts.assignments().stream().collect(Collectors.groupingBy(
                a -> List.of(a.itemId(), a.staffId()), Collectors.mapping(JudgingFacts.SpanRow::span, Collectors.toList())));
        AttainmentCalculator calculator = new AttainmentCalculator(calendars.calendar(facts.calendarExceptions()));
        List<StateChange> changes = new ArrayList<>();
        for (ItemSpec item : facts.specs()) {
            Set<Long> subjects = new TreeSet<>();
            if (people != null) {
                subjects.addAll(people);
            } else {
                // Everyone whose figure may have moved: credited, assigned, or judged met before.
                personDays.keySet().stream().filter(k -> k.get(0) == item.id()).forEach(k -> subjects.add(k.get(1)));
                spans.keySet().stream().filter(k -> k.get(0) == item.id()).forEach(k -> subjects.add(k.get(1)));
                states.keySet().stream().filter(k -> k.itemId() == item.id() && k.subjectType().equals(PERSON))
                        .forEach(k -> subjects.add(Long.valueOf(k.subjectId())));
            }
            List<SlotCover> itemCovers = covers.getOrDefault(item.id(), List.of());
            Tally groupTally = new Tally(itemDays.getOrDefault(item.id(), List.of()), itemCovers);
            for (Window window : windows) {
                compare(states, new StateKey(item.id(), GROUP, item.groupCode(), window),
                        calculator.forGroup(item, groupTally, window), changes);
                for (Long person : subjects) {
                    Tally tally = new Tally(personDays.getOrDefault(List.of(item.id(), person), List.of()),
                            itemCovers.stream().filter(c -> c.staffId() == person).toList());
                    compare(states, new StateKey(item.id(), PERSON, person.toString(), window),
                            calculator.forPerson(item, spans.getOrDefault(List.of(item.id(), person), List.of()), tally, window),
                            changes);
                }
            }
        }
        if (!changes.isEmpty()) {
            record(changes);
        }
    }

    private static void compare(Map<StateKey, Boolean> states, StateKey key, ItemAttainment figures,
                                List<StateChange> changes) {
        boolean met = figures.status().isMet();
        if (met != Boolean.TRUE.equals(states.get(key))) {
            changes.add(new StateChange(key, met, figures));
        }
    }

    private void record(List<StateChange> changes) {
        sql.update("""
                        insert into attainment_state (subject_type, subject_id, item_id, window_kind, window_start, met)
                        select * from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as bigint[]),
                            cast(? as varchar[]), cast(? as date[]), cast(? as boolean[]))
                        on conflict (subject_type, subject_id, item_id, window_kind, window_start) do update set met = excluded.met""",
                SqlArrays.of(changes, c -> c.key().subjectType()),
                SqlArrays.of(changes, c -> c.key().subjectId()),
                SqlArrays.of(changes, c -> c.key().itemId()),
                SqlArrays.of(changes, c -> c.key().window().kind().name()),
                SqlArrays.of(changes, c -> c.key().window().start()),
                SqlArrays.of(changes, StateChange::met));
        for (StateChange change : changes) {
            StateKey key = change.key();
            outbox.record(QuotaEvents.ATTAINMENT_TOPIC, change.met() ? QuotaEvents.ATTAINMENT_MET : QuotaEvents.ATTAINMENT_UNMET,
                    key.subjectType().equals(PERSON) ? "staff" : "group", key.subjectId(),
                    QuotaEvents.AttainmentData.of(key.subjectType(), key.subjectId(), change.figures(),
                            key.window().kind(), key.window().start(), key.window().end()));
        }
    }

    /** Whose figure of which item, in which window. */
    private record StateKey(long itemId, String subjectType, String subjectId, Window window) {
    }

    private record StateChange(StateKey key, boolean met, ItemAttainment figures) {
    }
}
