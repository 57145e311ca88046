package com.wuaigou.ops.common.events;

import com.wuaigou.ops.common.bookkeeping.PrunedTable;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalConnectionPoolConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.transaction.TransactionIntegration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in commit order, keyed by aggregate id, with {@code acks=all} and an idempotent
 * producer. However many instances of a service share its database, one relay is active at a time ({@link RelayPass}
 * holds an advisory lock for each pass); the others stay standby and try again every poll interval, so a dead
 * holder's work is taken over within seconds. A row is marked published only once the broker has acknowledged it and
 * every row before it in the batch; anything else stays pending and is sent again after a back-off, so a broker
 * outage only delays events. Sending a row twice is possible (the mark may fail after the send), never losing one;
 * consumers de-duplicate by event id. The relay works on a connection of its own, outside the service's pool, so
 * requests holding every pooled connection never hold events back.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final EventsConfig.Relay config;
    private final Map<String, Object> kafkaConfig;
    private final Counter publishedCounter;
    private final Counter failureCounter;
    private final Counter standbyCounter;
    private final Object wakeUp = new Object();

    private volatile boolean running;
    private boolean wakeRequested;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private RelayPass pass;
    private AgroalDataSource relayConnection;

    OutboxRelay(AgroalDataSource dataSource, EventsConfig config,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config.relay();
        this.kafkaConfig = kafkaConfig;
        this.publishedCounter = Counter.builder("ops.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(registry);
        this.failureCounter = Counter.builder("ops.outbox.failures")
                .description("Relay passes that failed and backed off").register(registry);
        this.standbyCounter = Counter.builder("ops.outbox.standby")
                .description("Relay passes that left the work to another instance holding the relay lock")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        relayConnection = ownConnection(dataSource);
        producer = new KafkaProducer<>(producerProperties(kafkaConfig, config.sendTimeout()));
        pass = new RelayPass(producer, config.batchSize(), config.sendTimeout());
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
        relayConnection.close();
    }

    /**
     * A pool of one connection to the service's database, made like the service's own (URL, credentials, validation,
     * broken-connection detection) but outside JTA, committed by the relay itself.
     */
    private static AgroalDataSource ownConnection(AgroalDataSource serviceDataSource) {
        AgroalConnectionPoolConfigurationSupplier pool = new AgroalConnectionPoolConfigurationSupplier(
                serviceDataSource.getConfiguration().connectionPoolConfiguration())
                .transactionIntegration(TransactionIntegration.none())
                .initialSize(0).minSize(0).maxSize(1);
        pool.connectionFactoryConfiguration(factory -> factory.autoCommit(false));
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool));
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox relay could not set up its database connection", e);
        }
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
            long passStarted = System.nanoTime();
            try {
                RelayPass.Result result = passInTransaction();
                publishedCounter.increment(result.published());
                if (!result.active()) {
                    standbyCounter.increment();
                }
                if (result.failure() != null) {
                    consecutiveFailures++;
                    failureCounter.increment();
                    Duration pause = backoff(consecutiveFailures);
                    LOG.warnf("Outbox relay could not publish (%s); %d sent, next try in %d ms",
                            result.failure(), result.published(), pause.toMillis());
                    pause(pause, false);
                } else {
                    consecutiveFailures = 0;
                    if (result.published() < config.batchSize() && pause(config.pollInterval(), true)) {
                        // At most one pass per linger: under load the commits arriving meanwhile join the next pass,
                        // while a commit after a quiet spell goes at once.
                        pause(Duration.ofNanos(passStarted + config.linger().toNanos() - System.nanoTime()), false);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                consecutiveFailures++;
                failureCounter.increment();
                Duration pause = backoff(consecutiveFailures);
                LOG.warnf(e, "Outbox relay pass failed; next try in %d ms", pause.toMillis());
                pause(pause, false);
            }
        }
    }

    private RelayPass.Result passInTransaction() throws SQLException {
        try (Connection connection = relayConnection.getConnection()) {
            try {
                RelayPass.Result result = pass.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** Published rows are kept for {@code ops.events.relay.retention}, then pruned with the other bookkeeping. */
    @Produces
    @Singleton
    static PrunedTable publishedEvents(EventsConfig config) {
        return new PrunedTable("outbox_event", "published_at", config.relay().retention());
    }

    private Duration backoff(int consecutiveFailures) {
        long initial = config.initialBackoff().toMillis();
        long factor = 1L << Math.min(consecutiveFailures - 1, 20);
        return Duration.ofMillis(Math.min(config.maxBackoff().toMillis(), initial * factor));
    }

    /** Sleeps for {@code duration}, or until a commit wakes it when {@code wakeable}; returns whether one did. */
    private boolean pause(Duration duration, boolean wakeable) {
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
            boolean woken = wakeRequested;
            wakeRequested = false;
            return woken;
        }
    }

    /**
     * The service's Kafka client settings that apply to a producer (security, SASL, SSL, DNS, ...), without
     * consumer-only keys such as {@code group.id}, then the relay's own: serializers, {@code acks=all}, idempotence and
     * timeouts derived from {@code sendTimeout}.
     */
    static Map<String, Object> producerProperties(Map<String, Object> clientSettings, Duration sendTimeout) {
        Map<String, Object> props = new HashMap<>();
        Set<String> producerKeys = ProducerConfig.configNames();
        clientSettings.forEach((key, value) -> {
            if (producerKeys.contains(key)) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        int timeout = (int) sendTimeout.toMillis();
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1_000, timeout / 3));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        // The relay does not use Kafka transactions; a transactional id would make every send fail.
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return props;
    }
}
