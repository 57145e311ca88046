package com.wuaigou.ops.common.bookkeeping;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled run is off in this module's tests; each test prunes as of a pinned moment. */
@QuarkusTest
class BookkeepingPrunerTest {

    /** Nine in the morning of a working day, department time. */
    private static final Instant NOW = LocalDateTime.of(2026, 11, 30, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();

    @Inject
    BookkeepingPruner pruner;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldForgetProcessedEventsOlderThanThirtyDaysAndKeepNewerOnes() {
        String consumer = "pruner-test-" + UUID.randomUUID();
        processed(consumer, "past-horizon", NOW.minus(Duration.ofDays(30)).minusSeconds(1));
        processed(consumer, "within-horizon", NOW.minus(Duration.ofDays(29)));
        processed(consumer, "just-now", NOW);

        pruner.prune(NOW);

        assertThat(eventIds(consumer)).containsExactlyInAnyOrder("within-horizon", "just-now");
    }

    @Test
    void shouldForgetIdempotencyKeysOlderThanSevenDaysAndKeepNewerOnes() {
        String caller = "pruner-test-" + UUID.randomUUID();
        claimed(caller, "past-horizon", NOW.minus(Duration.ofDays(7)).minusSeconds(1));
        claimed(caller, "within-horizon", NOW.minus(Duration.ofDays(6)));

        assertThat(pruner.prune(NOW)).containsKeys("processed_event", "idempotency_key");

        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select idem_key from idempotency_key where caller = :caller")
                .setParameter("caller", caller).getResultList())).containsExactly("within-horizon");
    }

    @Test
    void shouldBeHarmlessWhenSeveralInstancesPruneAtOnce() {
        String consumer = "pruner-test-" + UUID.randomUUID();
        for (int i = 0; i < 50; i++) {
            processed(consumer, "old-" + i, NOW.minus(Duration.ofDays(40)));
        }
        processed(consumer, "recent", NOW.minus(Duration.ofDays(1)));

        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> pruner.prune(NOW)),
                CompletableFuture.runAsync(() -> pruner.prune(NOW)),
                CompletableFuture.runAsync(() -> pruner.prune(NOW))).join();

        assertThat(eventIds(consumer)).containsExactly("recent");
    }

    @Test
    void shouldForgetPublishedOutboxRowsOlderThanTheRelayRetentionAndKeepNewerOnes() {
        String key = "pruner-test-" + UUID.randomUUID();
        published(key, NOW.minus(Duration.ofDays(7)).minusSeconds(1));
        published(key, NOW.minus(Duration.ofDays(6)));

        pruner.prune(NOW);

        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event where message_key = :key")
                .setParameter("key", key).getSingleResult()).longValue())).isEqualTo(1);
    }

    @Test
    void shouldFindThePublishedOutboxRowsToPruneThroughAnIndex() {
        List<?> plan = QuarkusTransaction.requiringNew().call(() -> {
            // The test outbox is too small for the planner to prefer an index; this asks whether one fits the delete.
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            return entityManager.createNativeQuery("explain delete from outbox_event where published_at < now()")
                    .getResultList();
        });

        assertThat(plan).map(String::valueOf).anyMatch(line -> line.contains("outbox_event_published"));
    }

    private void published(String key, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into outbox_event (id, topic, message_key, event_type, envelope, created_at, published_at)
                        values (:id, 'ops.quota.worklogs', :key, 'ops.test.v1', '{}', :at, :at)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", key)
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    private void claimed(String caller, String key, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into idempotency_key (caller, idem_key, operation, request_hash, status, body, created_at)
                        values (:caller, :key, 'POST /api/v1/notes', 'hash', 201, '{}', :at)""")
                .setParameter("caller", caller)
                .setParameter("key", key)
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    private void processed(String consumer, String eventId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "insert into processed_event (consumer, event_id, processed_at) values (:consumer, :id, :at)")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> eventIds(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select event_id from processed_event where consumer = :consumer")
                .setParameter("consumer", consumer)
                .getResultList());
    }
}
