package com.wuaigou.ops.common.events;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One pass of the outbox relay over a service database, run in the caller's transaction. It first takes the relay's
 * transaction-scoped advisory lock, so however many instances share the database, only one has rows in flight; an
 * instance that does not get the lock does nothing (stays standby) and tries again on its next pass. The holder sends
 * the oldest pending rows in commit order and marks the acknowledged prefix published in one statement. The lock ends
 * with the transaction, and with the holder's connection if its instance dies, so a standby takes over on its next try.
 */
final class RelayPass {

    /**
     * The relay's advisory lock: a key in PostgreSQL's two-int key space ({@code pg_try_advisory_xact_lock(int, int)}),
     * which never collides with the single-bigint locks services take for their own purposes.
     */
    static final int LOCK_CLASS = 0x6f757462;
    static final int LOCK_OBJECT = 1;

    private final Producer<String, String> producer;
    private final int batchSize;
    private final Duration sendTimeout;

    RelayPass(Producer<String, String> producer, int batchSize, Duration sendTimeout) {
        this.producer = producer;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    /** Relays one batch if this instance gets the lock; the caller commits (or rolls back) the transaction. */
    Result run(Connection connection) throws SQLException {
        if (!tryLock(connection)) {
            return Result.STANDBY;
        }
        List<PendingRow> batch = pending(connection);
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (PendingRow row : batch) {
            sends.add(send(row));
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        int acknowledged = 0;
        String failure = null;
        for (Future<RecordMetadata> sent : sends) {
            try {
                sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            } catch (ExecutionException | TimeoutException e) {
                // Rows after this one stay pending even if delivered, so an aggregate's events never overtake each other.
                failure = String.valueOf(e instanceof ExecutionException ? e.getCause() : e);
                break;
            }
        }
        markPublished(connection, batch.subList(0, acknowledged));
        if (failure != null) {
            markFailed(connection, batch.get(acknowledged), failure);
            if (!Thread.currentThread().isInterrupted()) {
                // Keeps the lock until no send of this pass can still land, so the next holder's re-sends come after.
                producer.flush();
            }
        }
        return new Result(true, acknowledged, failure);
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, LOCK_OBJECT);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private List<PendingRow> pending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select id, topic, message_key, event_type, envelope, traceparent, tracestate from outbox_event
                where published_at is null order by seq limit ?""")) {
            select.setInt(1, batchSize);
            select.setFetchSize(batchSize);
            List<PendingRow> rows = new ArrayList<>(batchSize);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new PendingRow(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7)));
                }
            }
            return rows;
        }
    }

    private Future<RecordMetadata> send(PendingRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
        record.headers()
                .add(new RecordHeader("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_id", row.id().toString().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_type", row.type().getBytes(StandardCharsets.UTF_8)));
        // The recording request's trace context, which the consumers' Kafka instrumentation continues.
        if (row.traceparent() != null) {
            record.headers().add(new RecordHeader("traceparent", row.traceparent().getBytes(StandardCharsets.UTF_8)));
        }
        if (row.tracestate() != null) {
            record.headers().add(new RecordHeader("tracestate", row.tracestate().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void markPublished(Connection connection, List<PendingRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = ?, attempts = attempts + 1 where id = any(?)")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            update.setArray(2, connection.createArrayOf("uuid", rows.stream().map(PendingRow::id).toArray()));
            update.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, PendingRow row, String failure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ? where id = ?")) {
            update.setString(1, failure.length() <= 1000 ? failure : failure.substring(0, 1000));
            update.setObject(2, row.id());
            update.executeUpdate();
        }
    }

    /** The columns a send needs, nothing more. */
    private record PendingRow(UUID id, String topic, String key, String type, String envelope, String traceparent,
                              String tracestate) {
    }

    /**
     * What a pass achieved.
     *
     * @param active    whether this instance held the relay lock (otherwise it did nothing)
     * @param published rows acknowledged by Kafka and marked published
     * @param failure   why the pass stopped before the end of its batch, or null
     */
    record Result(boolean active, int published, String failure) {
        static final Result STANDBY = new Result(false, 0, null);
    }
}
