package com.wuaigou.ops.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The table {@code idempotency_key} (ops-common migration {@code V0_4}), in the caller's transaction: one statement
 * claims a key, one stores the answer, one reads a stored answer back. They run on the transaction's connection with
 * plain JDBC: every keyed request runs two of them, they touch no entity, and Hibernate's query layer cost each about
 * three times what the driver did.
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
        return onConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into idempotency_key (caller, idem_key, operation, request_hash, status, body, created_at)
                    values (?, ?, ?, ?, 0, '', ?) on conflict do nothing""")) {
                insert.setString(1, caller);
                insert.setString(2, claim.key());
                insert.setString(3, claim.operation());
                insert.setString(4, claim.requestHash());
                insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                return insert.executeUpdate() == 1;
            }
        });
    }

    /**
     * Stores the answer to the claimed key. The request's own changes are written first, so that a conflict among
     * them is met here, as the refusal it is, and not at commit after the answer was stored.
     */
    void store(String caller, String key, int status, String location, String etag, String body) {
        entityManager.flush();
        onConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update idempotency_key set status = ?, location = ?, etag = ?, body = ?
                    where caller = ? and idem_key = ?""")) {
                update.setInt(1, status);
                update.setString(2, location);
                update.setString(3, etag);
                update.setString(4, body);
                update.setString(5, caller);
                update.setString(6, key);
                return update.executeUpdate();
            }
        });
    }

    StoredAnswer stored(String caller, String key) {
        return onConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select operation, request_hash, status, location, etag, body from idempotency_key
                    where caller = ? and idem_key = ?""")) {
                select.setString(1, caller);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("Idempotency-Key " + key + " was claimed but holds no answer");
                    }
                    return new StoredAnswer(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                            row.getString(5), row.getString(6));
                }
            }
        });
    }

    /** Runs on the current transaction's connection; a failure surfaces as Hibernate's mapped exception. */
    private <T> T onConnection(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
