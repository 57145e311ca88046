package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.local.LocalInfraTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.wuaigou.ops.quota.rest.Fixture.ADMIN;
import static com.wuaigou.ops.quota.rest.Fixture.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The roster copy is ops-common's replica (its replay, duplicate and out-of-order test lives there); this checks that
 * quota-service feeds it from personnel-service's topics.
 */
@QuarkusTest
class RosterTopicsTest {

    @Test
    void shouldKeepItsRosterCopyFromPersonnelServicesTopicsAndTakeTheGroupsManagerFromIt() {
        long manager = Fixture.nextId();
        String group = "K" + manager;
        send("ops.personnel.staff", manager, Fixture.staffEvent(manager, group, "MEMBER", "ACTIVE", 1));
        send("ops.personnel.groups", group, Fixture.groupEvent(group, manager, 1));

        // The two snapshots arrive on two topics, each through its own consumer, in either order.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            as(manager, "manager").get("/api/v1/assignments/allocation?groupCode=" + group).then().statusCode(200);
            as(ADMIN, "admin").get("/api/v1/roster/staff/" + manager).then().statusCode(200)
                    .body("groupCode", equalTo(group)).body("placements.size()", equalTo(1));
        });
    }

    private static void send(String topic, Object key, String value) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfraTestResource.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key.toString(), value));
            producer.flush();
        }
    }
}
