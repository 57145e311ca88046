package com.wuaigou.ops.common.events;

import com.wuaigou.ops.local.PostgresServer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two relays on one database, each with its own connection and producer, as two service instances have. The holder's
 * batch is kept in flight by a producer that acknowledges only when the test says so, so what the other relay does
 * meanwhile is decided by the lock, never by timing.
 */
class SingleActiveRelayTest {

    private static final String TOPIC = "ops.test.relayed";
    private static final Duration NEVER_TIMES_OUT = Duration.ofMinutes(5);

    private static PostgresServer postgres;
    private static OutboxTable outbox;

    private final ExecutorService holderThread = Executors.newSingleThreadExecutor();
    private final MockProducer<String, String> heldBroker = broker(false);
    private final MockProducer<String, String> standbyBroker = broker(true);
    private final RelayPass holder = new RelayPass(heldBroker, 3, NEVER_TIMES_OUT);
    private final RelayPass standby = new RelayPass(standbyBroker, 3, NEVER_TIMES_OUT);

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.startForTests();
        outbox = OutboxTable.create(postgres, "relay_lock_test");
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void emptyTheOutbox() throws SQLException {
        outbox.query("delete from outbox_event");
    }

    @AfterEach
    void stopTheHolder() {
        holderThread.shutdownNow();
    }

    @Test
    void shouldKeepTheSecondRelayIdleWhileTheFirstHasABatchInFlight() throws Exception {
        List<UUID> events = outbox.record(6, TOPIC, "7");
        try (Connection first = outbox.connect(); Connection second = outbox.connect()) {
            Future<RelayPass.Result> holding = holderThread.submit(() -> passAndCommit(holder, first));
            await().until(() -> heldBroker.history().size() == 3);

            RelayPass.Result whileHeld = passAndCommit(standby, second);

            assertThat(whileHeld.active()).isFalse();
            assertThat(standbyBroker.history()).isEmpty();

            acknowledgeEverything(heldBroker);
            assertThat(holding.get(30, TimeUnit.SECONDS)).isEqualTo(new RelayPass.Result(true, 3, null));
            RelayPass.Result afterwards = passAndCommit(standby, second);

            assertThat(afterwards).isEqualTo(new RelayPass.Result(true, 3, null));
            assertThat(eventIds(heldBroker)).containsExactlyElementsOf(events.subList(0, 3));
            assertThat(eventIds(standbyBroker)).containsExactlyElementsOf(events.subList(3, 6));
            assertThat(outbox.query("select count(*) from outbox_event where published_at is not null and attempts = 1"))
                    .isEqualTo(6);
        }
    }

    @Test
    void shouldLetTheStandbyTakeOverWhenTheHoldersConnectionDies() throws Exception {
        List<UUID> events = outbox.record(3, TOPIC, "9");
        try (Connection first = outbox.connect(); Connection second = outbox.connect()) {
            long firstBackend = backendPid(first);
            Future<RelayPass.Result> holding = holderThread.submit(() -> passAndCommit(holder, first));
            await().until(() -> heldBroker.history().size() == 3);
            assertThat(passAndCommit(standby, second).active()).isFalse();

            outbox.query("select pg_terminate_backend(" + firstBackend + ")::int");
            RelayPass.Result takeover = await().until(() -> passAndCommit(standby, second), RelayPass.Result::active);

            assertThat(takeover.published()).isEqualTo(3);
            assertThat(eventIds(standbyBroker)).containsExactlyElementsOf(events);
            acknowledgeEverything(heldBroker);
            assertThatThrownBy(() -> holding.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(outbox.query("select count(*) from outbox_event where published_at is not null and attempts = 1"))
                    .isEqualTo(3);
        }
    }

    @Test
    void shouldMarkOnlyTheAcknowledgedPrefixPublishedWhenASendFails() throws Exception {
        List<UUID> events = outbox.record(3, TOPIC, "11");
        try (Connection connection = outbox.connect()) {
            Future<RelayPass.Result> pass = holderThread.submit(() -> passAndCommit(holder, connection));
            await().until(() -> heldBroker.history().size() == 3);

            heldBroker.completeNext();
            heldBroker.errorNext(new IllegalStateException("broker went away"));
            acknowledgeEverything(heldBroker);

            RelayPass.Result result = pass.get(30, TimeUnit.SECONDS);
            assertThat(result.published()).isEqualTo(1);
            assertThat(result.failure()).contains("broker went away");
        }
        assertThat(outbox.query("select count(*) from outbox_event where published_at is null")).isEqualTo(2);
        assertThat(outbox.query("select count(*) from outbox_event where last_error like '%broker went away%' and id = '"
                + events.get(1) + "'")).isEqualTo(1);
    }

    private static RelayPass.Result passAndCommit(RelayPass pass, Connection connection) throws SQLException {
        RelayPass.Result result = pass.run(connection);
        connection.commit();
        return result;
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            long pid = result.getLong(1);
            connection.commit();
            return pid;
        }
    }

    private static void acknowledgeEverything(MockProducer<String, String> broker) {
        while (broker.completeNext()) {
            // Each call acknowledges the oldest send still waiting.
        }
    }

    private static List<UUID> eventIds(MockProducer<String, String> broker) {
        return broker.history().stream().map(SingleActiveRelayTest::eventId).toList();
    }

    private static UUID eventId(ProducerRecord<String, String> record) {
        return UUID.fromString(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
    }

    private static MockProducer<String, String> broker(boolean acknowledgesAtOnce) {
        return new MockProducer<>(acknowledgesAtOnce, null, new StringSerializer(), new StringSerializer());
    }
}
