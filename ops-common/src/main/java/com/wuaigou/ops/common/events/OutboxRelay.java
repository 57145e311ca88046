package com.wuaigou.ops.common.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka in commit order, keyed by aggregate id, with {@code acks=all} and an idempotent
 * producer. A row is marked published only once the broker has acknowledged it and every row before it in the batch;
 * anything else stays pending and is sent again after a back-off, so a broker outage only delays events. Sending a row
 * twice is possible (the mark may fail after the send), never losing one; consumers de-duplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    private final EntityManager entityManager;
    private final EventsConfig.Relay config;
    private final Map<String, Object> kafkaConfig;
    private final Counter publishedCounter;
    private final Counter failureCounter;
    private final Object wakeUp = new Object();

    private volatile boolean running;
    private boolean wakeRequested;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private Instant lastCleanup = Instant.EPOCH;

    OutboxRelay(EntityManager entityManager, EventsConfig config,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config.relay();
        this.kafkaConfig = kafkaConfig;
        this.publishedCounter = Counter.builder("ops.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(registry);
        this.failureCounter = Counter.builder("ops.outbox.failures")
                .description("Relay passes that failed and backed off").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        running = true;
        worker = new Thread(this::relayLoop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        wake();
        worker.join(config.sendTimeout().toMillis() + 5_000);
        producer.close(Duration.ofSeconds(5));
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxRecorded recorded) {
        wake();
    }

    private void wake() {
        synchronized (wakeUp) {
            wakeRequested = true;
            wakeUp.notifyAll();
        }
    }

    private void relayLoop() {
        int consecutiveFailures = 0;
        while (running) {
            try {
                BatchResult result = QuarkusTransaction.requiringNew().call(this::relayBatch);
                publishedCounter.increment(result.published());
                if (result.failure() != null) {
                    consecutiveFailures++;
                    failureCounter.increment();
                    Duration pause = backoff(consecutiveFailures);
                    LOG.warnf("Outbox relay could not publish (%s); %d sent, next try in %d ms",
                            result.failure(), result.published(), pause.toMillis());
                    pause(pause, false);
                } else {
                    consecutiveFailures = 0;
                    cleanupIfDue();
                    if (result.published() < config.batchSize()) {
                        pause(config.pollInterval(), true);
                    }
                }
            } catch (RuntimeException e) {
                consecutiveFailures++;
                failureCounter.increment();
                Duration pause = backoff(consecutiveFailures);
                LOG.warnf(e, "Outbox relay pass failed; next try in %d ms", pause.toMillis());
                pause(pause, false);
            }
        }
    }

    BatchResult relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = entityManager.createNativeQuery("""
                        select * from outbox_event where published_at is null
                        order by seq limit :limit for update skip locked""", OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return new BatchResult(0, null);
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            sends.add(send(row));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int published = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                row.publishedAt = now;
                row.attempts++;
                published++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new BatchResult(published, "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                // Rows after this one stay pending even if delivered, so an aggregate's events never overtake each other.
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                row.attempts++;
                row.lastError = truncate(String.valueOf(cause));
                return new BatchResult(published, String.valueOf(cause));
            }
        }
        return new BatchResult(published, null);
    }

    private Future<RecordMetadata> send(OutboxEvent row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.messageKey, row.envelope);
        record.headers()
                .add(new RecordHeader("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_id", row.id.toString().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_type", row.eventType.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void cleanupIfDue() {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).compareTo(CLEANUP_EVERY) < 0) {
            return;
        }
        lastCleanup = now;
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("delete from outbox_event where published_at < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()))
                .executeUpdate());
        if (deleted > 0) {
            LOG.infof("Deleted %d published outbox rows older than %s", deleted, config.retention());
        }
    }

    private Duration backoff(int consecutiveFailures) {
        long initial = config.initialBackoff().toMillis();
        long factor = 1L << Math.min(consecutiveFailures - 1, 20);
        return Duration.ofMillis(Math.min(config.maxBackoff().toMillis(), initial * factor));
    }

    private void pause(Duration duration, boolean wakeable) {
        long until = System.nanoTime() + duration.toNanos();
        synchronized (wakeUp) {
            try {
                while (running && (!wakeable || !wakeRequested)) {
                    long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
                    if (left <= 0) {
                        break;
                    }
                    wakeUp.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            wakeRequested = false;
        }
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int sendTimeout = (int) config.sendTimeout().toMillis();
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1_000, sendTimeout / 3));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** What one relay pass achieved: rows acknowledged, and why it stopped early if it did. */
    record BatchResult(int published, String failure) {
    }
}
