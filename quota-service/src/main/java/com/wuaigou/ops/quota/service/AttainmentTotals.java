package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.jdbc.TransactionSql;
import com.wuaigou.ops.quota.domain.Contribution;
import com.wuaigou.ops.quota.domain.DayTotal;
import com.wuaigou.ops.quota.domain.SlotCover;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The running totals attainment is read from: per person, item and day; per item and day; and slot covers. Changed
 * by the contributions of logs added and taken away, in the log's transaction; read by window, never from the logs.
 */
@ApplicationScoped
public class AttainmentTotals {

    private final EntityManager entityManager;
    private final TransactionSql sql;

    AttainmentTotals(EntityManager entityManager, TransactionSql sql) {
        this.entityManager = entityManager;
        this.sql = sql;
    }

    private static final Comparator<SlotCover> COVER_ORDER = Comparator.comparing(SlotCover::day)
            .thenComparing(SlotCover::slot).thenComparingLong(SlotCover::staffId);

    /**
     * Takes the change's advisory locks (in their order), then adds the contributions of new or corrected logs and
     * takes away those of their former states: one statement for the locks and the three tables, whatever the crew
     * size.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(AttainmentJudge.WorkChange change) {
        sql.first(APPLY, row -> row.getLong(1), parameters(change).toArray()).orElseThrow();
    }

    /**
     * A change as {@code with} parts of a larger statement, the caller's own write in one round trip with it: first
     * {@code locked} (the locks taken, a count), then the three tables' upserts {@code person}, {@code item} and
     * {@code cover} (a row for each row written), each when {@code proceed}, a boolean SQL expression over the caller's
     * parts, holds. It takes {@link #parameters}, after those of the caller's parts before it.
     *
     * <p>The locks come first within the statement: every insert waits on a one-time filter reading the lock step, so
     * no row is locked before all advisory locks are held, and writers never wait for each other in opposite orders.
     * The upserts add to the latest committed rows whatever the statement's snapshot, so waiting inside it is safe.
     */
    static String parts(String proceed) {
        return """
                locked as materialized (
                    select count(pg_advisory_xact_lock(k)) as locks from unnest(cast(? as bigint[])) k),
                person as (
                    insert into person_item_day (staff_id, item_id, work_date, logs, quantity, logged_minutes,
                        credited_minutes)
                    select * from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as date[]),
                        cast(? as integer[]), cast(? as numeric[]), cast(? as bigint[]), cast(? as bigint[]))
                    %1$s
                    on conflict (staff_id, work_date, item_id) do update set
                        logs = person_item_day.logs + excluded.logs,
                        quantity = person_item_day.quantity + excluded.quantity,
                        logged_minutes = person_item_day.logged_minutes + excluded.logged_minutes,
                        credited_minutes = person_item_day.credited_minutes + excluded.credited_minutes
                    returning 1),
                item as (
                    insert into item_day (item_id, work_date, logs, quantity, logged_minutes, credited_minutes)
                    select * from unnest(cast(? as bigint[]), cast(? as date[]), cast(? as integer[]),
                        cast(? as numeric[]), cast(? as bigint[]), cast(? as bigint[]))
                    %1$s
                    on conflict (item_id, work_date) do update set
                        logs = item_day.logs + excluded.logs,
                        quantity = item_day.quantity + excluded.quantity,
                        logged_minutes = item_day.logged_minutes + excluded.logged_minutes,
                        credited_minutes = item_day.credited_minutes + excluded.credited_minutes
                    returning 1),
                cover as (
                    insert into slot_cover (item_id, work_date, slot, staff_id, logs)
                    select * from unnest(cast(? as bigint[]), cast(? as date[]),
                        cast(? as varchar[]), cast(? as bigint[]), cast(? as integer[]))
                    %1$s
                    on conflict (item_id, work_date, slot, staff_id) do update set
                        logs = slot_cover.logs + excluded.logs
                    returning 1)
                """.formatted("where (select locks from locked) >= 0 and " + proceed);
    }

    private static final String APPLY = "with " + parts("true") + " select locks from locked";

    /** The parameters of {@link #parts} for a change, in order. */
    public List<Object> parameters(AttainmentJudge.WorkChange change) {
        // Sorted, so concurrent writers of overlapping rows lock them in the same order.
        Map<PersonDayKey, DayTotal> personDeltas = new TreeMap<>();
        Map<LocalDate, DayTotal> itemDeltas = new TreeMap<>();
        Map<SlotCover, Integer> coverDeltas = new TreeMap<>(COVER_ORDER);
        collect(change.added(), 1, personDeltas, itemDeltas, coverDeltas);
        collect(change.removed(), -1, personDeltas, itemDeltas, coverDeltas);
        Collection<DayTotal> people = personDeltas.values();
        Collection<DayTotal> items = itemDeltas.values();
        Collection<SlotCover> covers = coverDeltas.keySet();
        // In the order of the parts' parameters: the locks, then each table's columns.
        return List.of(SqlArrays.of(change.locks()),
                SqlArrays.of(personDeltas.keySet(), PersonDayKey::staffId),
                SqlArrays.of(people, DayTotal::itemId),
                SqlArrays.of(people, DayTotal::day),
                SqlArrays.of(people, DayTotal::logs),
                SqlArrays.of(people, DayTotal::quantity),
                SqlArrays.of(people, DayTotal::loggedMinutes),
                SqlArrays.of(people, DayTotal::creditedMinutes),
                SqlArrays.of(items, DayTotal::itemId),
                SqlArrays.of(items, DayTotal::day),
                SqlArrays.of(items, DayTotal::logs),
                SqlArrays.of(items, DayTotal::quantity),
                SqlArrays.of(items, DayTotal::loggedMinutes),
                SqlArrays.of(items, DayTotal::creditedMinutes),
                SqlArrays.of(covers, SlotCover::itemId),
                SqlArrays.of(covers, SlotCover::day),
                SqlArrays.of(covers, SlotCover::slot),
                SqlArrays.of(covers, SlotCover::staffId),
                SqlArrays.of(coverDeltas.values()));
    }

    private static void collect(List<Contribution> contributions, int sign, Map<PersonDayKey, DayTotal> personDeltas,
                                Map<LocalDate, DayTotal> itemDeltas, Map<SlotCover, Integer> coverDeltas) {
        for (Contribution contribution : contributions) {
            DayTotal perPerson = sign > 0 ? contribution.perPerson() : contribution.perPerson().negated();
            DayTotal item = sign > 0 ? contribution.item() : contribution.item().negated();
            for (Long member : contribution.log().crew()) {
                personDeltas.merge(new PersonDayKey(member, item.day()), perPerson, DayTotal::plus);
            }
            itemDeltas.merge(item.day(), item, DayTotal::plus);
            contribution.covers().forEach(cover -> coverDeltas.merge(cover, sign, Integer::sum));
        }
    }

    /** The people's day totals (everyone's when null) on the items (every item when null) between two dates. */
    public List<PersonDay> personDays(Collection<Long> staffIds, Collection<Long> itemIds, LocalDate from, LocalDate to) {
        return read("select staff_id, item_id, work_date, logs, quantity, logged_minutes, credited_minutes from person_item_day",
                from, to, Map.of("staff_id", optional(staffIds), "item_id", optional(itemIds)))
                .stream().map(r -> new PersonDay(((Number) r[0]).longValue(), total(r, 1))).toList();
    }

    /** The items' day totals (the groups' figures) between two dates; every item's when null. */
    public List<DayTotal> itemDays(Collection<Long> itemIds, LocalDate from, LocalDate to) {
        return read("select item_id, work_date, logs, quantity, logged_minutes, credited_minutes from item_day",
                from, to, Map.of("item_id", optional(itemIds)))
                .stream().map(r -> total(r, 0)).toList();
    }

    /** Slot covers of the items (every item's when null) by the people (everyone's when null) between two dates. */
    public List<SlotCover> covers(Collection<Long> itemIds, Collection<Long> staffIds, LocalDate from, LocalDate to) {
        return read("select item_id, work_date, slot, staff_id from slot_cover", from, to,
                Map.of("item_id", optional(itemIds), "staff_id", optional(staffIds)))
                .stream()
                .map(r -> new SlotCover(((Number) r[0]).longValue(), toDate(r[1]), (String) r[2], ((Number) r[3]).longValue()))
                .toList();
    }

    /**
     * The rows of a totals table between two dates that hold at least one log, restricted to the given values of
     * each column (an empty optional means no restriction; an empty list means no rows).
     */
    private List<Object[]> read(String select, LocalDate from, LocalDate to, Map<String, Optional<Collection<Long>>> filters) {
        if (filters.values().stream().anyMatch(f -> f.isPresent() && f.get().isEmpty())) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(select).append(" where work_date between :from and :to and logs > 0");
        filters.forEach((column, values) -> values.ifPresent(v -> sql.append(" and ").append(column).append(" in (:").append(column).append(")")));
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("from", from).setParameter("to", to);
        filters.forEach((column, values) -> values.ifPresent(v -> query.setParameter(column, v)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static Optional<Collection<Long>> optional(Collection<Long> values) {
        return Optional.ofNullable(values);
    }

    /** A person's day of the item being changed. */
    private record PersonDayKey(long staffId, LocalDate day) implements Comparable<PersonDayKey> {
        @Override
        public int compareTo(PersonDayKey other) {
            int byStaff = Long.compare(staffId, other.staffId);
            return byStaff != 0 ? byStaff : day.compareTo(other.day);
        }
    }

    /** One person's totals of one item on one day. */
    public record PersonDay(long staffId, DayTotal total) {
    }

    private static DayTotal total(Object[] row, int offset) {
        return new DayTotal(((Number) row[offset]).longValue(), toDate(row[offset + 1]),
                ((Number) row[offset + 2]).intValue(), (BigDecimal) row[offset + 3], ((Number) row[offset + 4]).longValue(),
                ((Number) row[offset + 5]).longValue());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }
}
