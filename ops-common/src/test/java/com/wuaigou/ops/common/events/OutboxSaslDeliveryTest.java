package com.wuaigou.ops.common.events;

import com.wuaigou.ops.common.fixture.Note;
import com.wuaigou.ops.common.fixture.NoteService;
import com.wuaigou.ops.local.LocalInfraTestResource;
import com.wuaigou.ops.local.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay connects as the service's other Kafka clients do, here to a broker that requires SASL/PLAIN. */
@QuarkusTest
@TestProfile(OutboxSaslDeliveryTest.SaslPlainBroker.class)
class OutboxSaslDeliveryTest {

    @Inject
    NoteService notes;

    @Test
    void shouldRelayOutboxEventsToABrokerThatRequiresSaslPlain() {
        String text = "sasl-" + UUID.randomUUID();
        Note note = notes.create(text);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> new TopicProbe(LocalInfraTestResource.saslKafka().clientProperties())
                        .readAll(NoteService.TOPIC, v -> v.contains(text)), r -> !r.isEmpty());

        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(note.id.toString());
    }

    /**
     * The service configured with kafka.security.protocol=SASL_PLAINTEXT, kafka.sasl.mechanism=PLAIN and
     * kafka.sasl.jaas.config, in a database of its own.
     */
    public static class SaslPlainBroker implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalInfraTestResource.class,
                    Map.of("database", "ops_common_sasl", "kafka", "sasl-plain")));
        }
    }
}
