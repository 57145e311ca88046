package com.wuaigou.ops.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records events in the transactional outbox. The row is written in the caller's transaction, so an event exists
 * exactly when the change that caused it is committed; {@link OutboxRelay} then publishes it.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final EventsConfig config;
    private final Event<OutboxRecorded> recorded;
    private final Clock clock = Clock.systemUTC();

    /** Copies the current span's {@code traceparent} and {@code tracestate} onto the row; outside a span, nothing. */
    private static final TextMapSetter<OutboxEvent> TRACE_CONTEXT = (row, key, value) -> {
        if ("traceparent".equals(key)) {
            row.traceparent = value;
        } else if ("tracestate".equals(key)) {
            row.tracestate = value;
        }
    };

    Outbox(EntityManager entityManager, ObjectMapper objectMapper, EventsConfig config, Event<OutboxRecorded> recorded) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.recorded = recorded;
    }

    /**
     * Adds an event to the current transaction.
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

        OutboxEvent row = new OutboxEvent();
        row.id = id;
        row.topic = topic;
        row.messageKey = aggregateId;
        row.eventType = type;
        row.envelope = toJson(envelope);
        row.createdAt = now;
        W3CTraceContextPropagator.getInstance().inject(Context.current(), row, TRACE_CONTEXT);
        entityManager.persist(row);
        recorded.fire(new OutboxRecorded(row.id));
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
