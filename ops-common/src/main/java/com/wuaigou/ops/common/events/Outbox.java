package com.wuaigou.ops.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.common.jdbc.TransactionSql;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records events in the transactional outbox. The row is written in the caller's transaction, so an event exists
 * exactly when the change that caused it is committed; {@link OutboxRelay} then publishes it.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (id, topic, message_key, event_type, envelope, created_at, traceparent, tracestate)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Collects the current span's {@code traceparent} and {@code tracestate}; outside a span, nothing. */
    private static final TextMapSetter<Map<String, String>> TRACE_CONTEXT = Map::put;

    private final TransactionSql sql;
    private final ObjectMapper objectMapper;
    private final EventsConfig config;
    private final Event<OutboxRecorded> recorded;
    private final Clock clock = Clock.systemUTC();

    Outbox(TransactionSql sql, ObjectMapper objectMapper, EventsConfig config, Event<OutboxRecorded> recorded) {
        this.sql = sql;
        this.objectMapper = objectMapper;
        this.config = config;
        this.recorded = recorded;
    }

    /**
     * Adds an event to the current transaction: one insert in plain JDBC ({@link TransactionSql}), as every write records
     * an event, and an entity flushed at commit cost Hibernate's flush several times the insert. Nothing in the
     * transaction reads it back, so it waits ({@link TransactionSql#later}) to go with the transaction's next plain
     * statement (for a keyed request, storing its answer), in its round trip, or else before commit.
     *
     * @param topic         Kafka topic it goes to
     * @param type          versioned CloudEvents type, for example {@code ops.personnel.staff.changed.v1}
     * @param aggregateType what the event is about, for example {@code staff}
     * @param aggregateId   which one; also the Kafka key, so one aggregate's events stay in order
     * @param data          the payload, serialised with the application's JSON settings
     * @return the event's id, as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String type, String aggregateType, String aggregateId, Object data) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        CloudEvent<Object> envelope = new CloudEvent<>(CloudEvent.SPEC_VERSION, id.toString(), config.source(), type,
                aggregateType + "/" + aggregateId, now, "application/json", data);
        String json = toJson(envelope);
        Map<String, String> trace = new HashMap<>(4);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), trace, TRACE_CONTEXT);
        sql.later(INSERT, id, topic, aggregateId, type, json, now, trace.get("traceparent"), trace.get("tracestate"));
        recorded.fire(new OutboxRecorded(id));
        return id;
    }

    /** The payload goes straight into the text, where a {@code JsonNode} would be built first and written after. */
    private String toJson(CloudEvent<Object> envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + envelope.type() + " cannot be serialised", e);
        }
    }

    /** Fired in the recording transaction; the relay observes it after commit to publish without waiting for its poll. */
    public record OutboxRecorded(UUID id) {
    }
}
