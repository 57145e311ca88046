package com.wuaigou.ops.common.idempotency;

import com.wuaigou.ops.common.jdbc.TransactionSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The table {@code idempotency_key} (ops-common migration {@code V0_4}), in the caller's transaction: one statement
 * claims a key, one stores the answer, one reads a stored answer back. Plain JDBC ({@link TransactionSql}): every
 * keyed request runs two of them.
 */
@ApplicationScoped
class IdempotencyLedger {

    /** An answer as kept: status, the {@code Location} and {@code ETag} headers (null when absent) and the body. */
    record StoredAnswer(String operation, String requestHash, int status, String location, String etag, String body) {
    }

    private final TransactionSql sql;
    private final EntityManager entityManager;

    IdempotencyLedger(TransactionSql sql, EntityManager entityManager) {
        this.sql = sql;
        this.entityManager = entityManager;
    }

    /**
     * Claims the caller's key for this request. When another transaction holds the key, waits until it ends: after a
     * commit the key is taken (false), after a rollback this claim wins (true).
     */
    boolean claim(String caller, IdempotentRequest.Claim claim) {
        return sql.update("""
                        insert into idempotency_key (caller, idem_key, operation, request_hash, status, body, created_at)
                        values (?, ?, ?, ?, 0, '', ?) on conflict do nothing""",
                caller, claim.key(), claim.operation(), claim.requestHash(), OffsetDateTime.now(ZoneOffset.UTC)) == 1;
    }

    /**
     * Stores the answer to the claimed key. The request's own changes are written first, so that a conflict among
     * them is met here, as the refusal it is, and not at commit after the answer was stored.
     */
    void store(String caller, String key, int status, String location, String etag, String body) {
        entityManager.flush();
        sql.update("update idempotency_key set status = ?, location = ?, etag = ?, body = ? where caller = ? and idem_key = ?",
                status, location, etag, body, caller, key);
    }

    StoredAnswer stored(String caller, String key) {
        return sql.first("""
                                select operation, request_hash, status, location, etag, body from idempotency_key
                                where caller = ? and idem_key = ?""",
                        row -> new StoredAnswer(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                                row.getString(5), row.getString(6)),
                        caller, key)
                .orElseThrow(() -> new IllegalStateException("Idempotency-Key " + key + " was claimed but holds no answer"));
    }
}
