package com.wuaigou.ops.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The table {@code idempotency_key} (ops-common migration {@code V0_4}), in the caller's transaction: one statement
 * claims a key, one stores the answer, one reads a stored answer back.
 */
@ApplicationScoped
class IdempotencyLedger {

    /** An answer as kept: status, the {@code Location} and {@code ETag} headers (null when absent) and the body. */
    record StoredAnswer(String operation, String requestHash, int status, String location, String etag, String body) {
    }

    private final EntityManager entityManager;

    IdempotencyLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims the caller's key for this request. When another transaction holds the key, waits until it ends: after a
     * commit the key is taken (false), after a rollback this claim wins (true).
     */
    boolean claim(String caller, IdempotentRequest.Claim claim) {
        return entityManager.createNativeQuery("""
                        insert into idempotency_key (caller, idem_key, operation, request_hash, status, body, created_at)
                        values (:caller, :key, :operation, :hash, 0, '', :now) on conflict do nothing""")
                .setParameter("caller", caller).setParameter("key", claim.key())
                .setParameter("operation", claim.operation()).setParameter("hash", claim.requestHash())
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    void store(String caller, String key, int status, String location, String etag, String body) {
        entityManager.createNativeQuery("""
                        update idempotency_key set status = :status, location = :location, etag = :etag, body = :body
                        where caller = :caller and idem_key = :key""")
                .setParameter("status", status).setParameter("location", location).setParameter("etag", etag)
                .setParameter("body", body).setParameter("caller", caller).setParameter("key", key)
                .executeUpdate();
    }

    StoredAnswer stored(String caller, String key) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select operation, request_hash, status, location, etag, body from idempotency_key
                        where caller = :caller and idem_key = :key""")
                .setParameter("caller", caller).setParameter("key", key)
                .getSingleResult();
        return new StoredAnswer((String) row[0], (String) row[1], ((Number) row[2]).intValue(), (String) row[3],
                (String) row[4], (String) row[5]);
    }
}
