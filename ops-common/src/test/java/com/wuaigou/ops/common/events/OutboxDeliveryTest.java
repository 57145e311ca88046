package com.wuaigou.ops.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.common.fixture.Note;
import com.wuaigou.ops.common.fixture.NoteService;
import com.wuaigou.ops.local.KafkaBroker;
import com.wuaigou.ops.local.LocalInfraTestResource;
import com.wuaigou.ops.local.PostgresServer;
import com.wuaigou.ops.local.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxDeliveryTest {

    @Inject
    NoteService notes;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    AgroalDataSource dataSource;

    private TopicProbe topic() {
        return new TopicProbe(LocalInfraTestResource.kafka().bootstrapServers());
    }

    @Test
    void shouldPublishACommittedChangeAsACloudEventKeyedByAggregate() throws Exception {
        String text = "published-" + UUID.randomUUID();
        Note note = notes.create(text);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> topic().readAll(NoteService.TOPIC, v -> v.contains(text)), r -> r.size() == 1);

        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(note.id.toString());
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(NoteService.TYPE);
        JsonNode envelope = objectMapper.readTree(record.value());
        assertThat(envelope.get("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.get("type").asText()).isEqualTo(NoteService.TYPE);
        assertThat(envelope.get("source").asText()).isEqualTo("/ops/ops-common-test");
        assertThat(envelope.get("subject").asText()).isEqualTo("note/" + note.id);
        assertThat(envelope.get("id").asText()).isNotBlank();
        assertThat(envelope.get("time").asText()).endsWith("Z");
        assertThat(envelope.get("data").get("text").asText()).isEqualTo(text);
    }

    @Test
    void shouldPublishWhileRequestsHoldEveryPooledConnection() throws Exception {
        String topic = "ops.test.pool-exhausted";
        UUID id = UUID.randomUUID();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < dataSource.getConfiguration().connectionPoolConfiguration().maxSize(); i++) {
                held.add(dataSource.getConnection());
            }
            commitOutboxRowBesideThePool(id, topic);

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> topic().readAll(topic, v -> v.contains(id.toString())), r -> r.size() == 1);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void shouldEmitNothingWhenTheChangeRollsBack() {
        String text = "rolled-back-" + UUID.randomUUID();
        String marker = "committed-after-" + UUID.randomUUID();

        assertThatThrownBy(() -> notes.createThenFail(text)).isInstanceOf(IllegalStateException.class);
        notes.create(marker);

        // Once a later commit is on the topic, the relay has passed the point where the rolled-back event would be.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topic().readAll(NoteService.TOPIC, v -> v.contains(marker)), r -> r.size() == 1);
        assertThat(topic().readAll(NoteService.TOPIC, v -> v.contains(text))).isEmpty();
        assertThat(count("select count(*) from outbox_event where envelope like '%" + text + "%'")).isZero();
        assertThat(count("select count(*) from note where text = '" + text + "'")).isZero();
    }

    @Test
    void shouldDeliverEveryChangeCommittedDuringABrokerOutageExactlyOnceEvenWhenDeliveredTwice() {
        KafkaBroker broker = LocalInfraTestResource.kafka();
        String batch = "outage-" + UUID.randomUUID();
        int changes = 25;
        List<Long> ids = new ArrayList<>();

        broker.stop();
        try {
            for (int i = 0; i < changes; i++) {
                ids.add(notes.create(batch + "-" + i).id);
            }
            assertThat(count("select count(*) from outbox_event where published_at is null and envelope like '%"
                    + batch + "%'")).isEqualTo(changes);
        } finally {
            broker.start();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> tallies(ids), t -> t.size() == changes);
        assertThat(tallies(ids)).allMatch(applied -> applied == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from outbox_event where published_at is null") == 0);

        List<ConsumerRecord<String, String>> delivered = topic().readAll(NoteService.TOPIC, v -> v.contains(batch));
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(changes);
        topic().resend(delivered);

        await().atMost(Duration.ofSeconds(30)).until(() -> topic().caughtUp("ops-common-test", NoteService.TOPIC));
        assertThat(tallies(ids)).hasSize(changes).allMatch(applied -> applied == 1);
    }

    /** Commits a pending outbox row over a connection of its own, since the service's pool may be exhausted. */
    private void commitOutboxRowBesideThePool(UUID id, String topic) throws Exception {
        AgroalConnectionFactoryConfiguration factory =
                dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration();
        try (Connection connection = DriverManager.getConnection(factory.jdbcUrl(), PostgresServer.USER, "");
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox_event (id, topic, message_key, event_type, envelope, created_at)
                     values (?, ?, 'pool', 'ops.test.pool-exhausted.v1', ?, now())""")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, "{\"id\":\"" + id + "\"}");
            insert.executeUpdate();
        }
    }

    private List<Integer> tallies(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select applied from note_tally where note_id in (:ids)", Integer.class)
                .setParameter("ids", ids)
                .getResultList());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
