package com.wuaigou.ops.common.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The consumer side of exactly-once effects: a ledger of handled event ids, written in the same transaction as the
 * consumer's own change. A redelivered or replayed event finds its id already there and is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims an event for a consumer.
     *
     * @return {@code true} the first time this consumer sees this event id, {@code false} for any later delivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                        insert into processed_event (consumer, event_id, processed_at) values (:consumer, :eventId, :now)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    /** Forgets what a consumer has handled, so that a replay from the start of its topics applies every event again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String consumer) {
        return entityManager.createNativeQuery("delete from processed_event where consumer = :consumer")
                .setParameter("consumer", consumer)
                .executeUpdate();
    }
}
