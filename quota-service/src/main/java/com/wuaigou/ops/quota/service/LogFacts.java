package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.quota.domain.LogFact;
import com.wuaigou.ops.quota.domain.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Reads work logs as plain facts in one query each (crew aggregated), for the attainment arithmetic. */
@ApplicationScoped
public class LogFacts {

    private static final String SELECT = """
            select l.id, l.item_id, l.work_date, l.quantity, l.minutes, l.slot, string_agg(c.staff_id::text, ',')
            from work_log l join work_log_crew c on c.work_log_id = l.id
            where l.work_date between :from and :to and %s
            group by l.id, l.item_id, l.work_date, l.quantity, l.minutes, l.slot""";

    private final EntityManager entityManager;

    LogFacts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Logs crediting the person (as subject or crew member). */
    public List<LogFact> crediting(long staffId, Window window) {
        return run(query("l.id in (select m.work_log_id from work_log_crew m where m.staff_id = :staff)", window)
                .setParameter("staff", staffId));
    }

    /** Logs crediting the person on one item. */
    public List<LogFact> crediting(long staffId, long itemId, Window window) {
        return run(query("l.item_id = :item and l.id in (select m.work_log_id from work_log_crew m where m.staff_id = :staff)", window)
                .setParameter("staff", staffId).setParameter("item", itemId));
    }

    /** Logs of the given items. */
    public List<LogFact> ofItems(Collection<Long> itemIds, Window window) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return run(query("l.item_id in (:items)", window).setParameter("items", itemIds));
    }

    /** Every log of the window. */
    public List<LogFact> all(Window window) {
        return run(query("true", window));
    }

    private Query query(String condition, Window window) {
        return entityManager.createNativeQuery(SELECT.formatted(condition))
                .setParameter("from", window.start())
                .setParameter("to", window.end());
    }

    @SuppressWarnings("unchecked")
    private static List<LogFact> run(Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(LogFacts::fact).toList();
    }

    private static LogFact fact(Object[] row) {
        List<Long> crew = Arrays.stream(((String) row[6]).split(",")).map(Long::valueOf).sorted().toList();
        return new LogFact(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), toDate(row[2]),
                (BigDecimal) row[3], row[4] == null ? null : ((Number) row[4]).intValue(), (String) row[5], crew);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }
}
