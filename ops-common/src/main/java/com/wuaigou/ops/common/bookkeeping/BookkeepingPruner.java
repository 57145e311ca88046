package com.wuaigou.ops.common.bookkeeping;

import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps bookkeeping tables small: on a schedule, deletes the rows of every {@link PrunedTable} that are older than its
 * horizon. A plain delete by timestamp, so instances pruning at the same time only find less to delete.
 */
@ApplicationScoped
public class BookkeepingPruner {

    private static final Logger LOG = Logger.getLogger(BookkeepingPruner.class);

    private final EntityManager entityManager;
    private final List<PrunedTable> tables;

    BookkeepingPruner(EntityManager entityManager, @All List<PrunedTable> tables) {
        this.entityManager = entityManager;
        this.tables = tables;
    }

    /** The consumer de-duplication ledger every service has. */
    @Produces
    @Singleton
    static PrunedTable processedEvents(BookkeepingConfig config) {
        return new PrunedTable("processed_event", "processed_at", config.processedEventsHorizon());
    }

    /** The first answers kept per {@code Idempotency-Key}, which every service has. */
    @Produces
    @Singleton
    static PrunedTable idempotencyKeys(BookkeepingConfig config) {
        return new PrunedTable("idempotency_key", "created_at", config.idempotentRequestsHorizon());
    }

    @Scheduled(identity = "bookkeeping-pruner", every = "${ops.bookkeeping.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        prune(Instant.now());
    }

    /**
     * Deletes, table by table in a transaction each, the rows older than the table's horizon as seen at {@code now}.
     *
     * @return rows deleted per table
     */
    public Map<String, Integer> prune(Instant now) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (PrunedTable table : tables) {
            OffsetDateTime cutoff = now.minus(table.horizon()).atOffset(ZoneOffset.UTC);
            int rows = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("delete from " + table.table() + " where " + table.timestampColumn() + " < :cutoff")
                    .setParameter("cutoff", cutoff)
                    .executeUpdate());
            deleted.put(table.table(), rows);
            if (rows > 0) {
                LOG.infof("Pruned %d rows of %s older than %s", rows, table.table(), table.horizon());
            }
        }
        return deleted;
    }
}
