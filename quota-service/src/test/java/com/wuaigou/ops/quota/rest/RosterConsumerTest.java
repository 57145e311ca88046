package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.events.ProcessedEvents;
import com.wuaigou.ops.local.LocalInfraTestResource;
import com.wuaigou.ops.local.TopicProbe;
import com.wuaigou.ops.quota.events.RosterConsumer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.wuaigou.ops.quota.rest.Fixture.ADMIN;
import static com.wuaigou.ops.quota.rest.Fixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RosterConsumerTest {

    @Inject
    RosterConsumer consumer;

    @Inject
    ProcessedEvents processed;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldKeepTheNewestVersionOfAStaffSnapshotFromTheTopic() {
        long id = Fixture.nextId();
        String newer = Fixture.staffEvent(id, "CS", "MEMBER", "ACTIVE", 3);
        send("ops.personnel.staff", id, newer);
        send("ops.personnel.staff", id, newer);
        send("ops.personnel.staff", id, Fixture.staffEvent(id, "PB", "MEMBER", "ACTIVE", 2));
        send("ops.personnel.staff", id, Fixture.staffEvent(id, "CS", "MEMBER", "LEFT", 4));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(ADMIN, "admin").get("/api/v1/roster/staff/" + id).then().statusCode(200)
                        .body("version", equalTo(4)).body("status", equalTo("LEFT")).body("groupCode", equalTo("CS"))
                        .body("placements.size()", equalTo(1)));
        as(id, "staff").contentType("application/json").body(Map.of("itemCode", "CS-E-FILE", "workDate", "2025-02-03",
                "minutes", 60)).post("/api/v1/work-logs").then().statusCode(422);
    }

    @Test
    void shouldTakeAGroupsManagerFromTheTopic() {
        long manager = Fixture.nextId();
        String group = "K" + manager;
        send("ops.personnel.staff", manager, Fixture.staffEvent(manager, group, "MEMBER", "ACTIVE", 1));
        send("ops.personnel.groups", group, Fixture.groupEvent(group, manager, 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(manager, "manager").get("/api/v1/assignments/allocation?groupCode=" + group).then().statusCode(200));
    }

    @Test
    void shouldReachTheSameRosterCopyWhenRebuiltFromTheStartOfItsTopics() {
        long id = Fixture.nextId();
        String group = "R" + id;
        send("ops.personnel.groups", group, Fixture.groupEvent(group, id, 1));
        send("ops.personnel.staff", id, Fixture.staffEvent(id, group, "MANAGER", "ACTIVE", 1));
        String onLeave = Fixture.staffEvent(id, group, "MANAGER", "ON_LEAVE", 2);
        send("ops.personnel.staff", id, onLeave);
        send("ops.personnel.staff", id, onLeave);
        TopicProbe topics = new TopicProbe(LocalInfraTestResource.kafka().bootstrapServers());
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.caughtUp("quota-service.roster", "ops.personnel.staff")
                && topics.caughtUp("quota-service.roster-groups", "ops.personnel.groups"));
        as(ADMIN, "admin").get("/api/v1/roster/staff/" + id).then().statusCode(200).body("status", equalTo("ON_LEAVE"));
        // The shared test database also holds people other tests put in directly: rebuild what the topics carry.
        List<Long> staff = topics.readAll("ops.personnel.staff").stream().map(r -> Long.valueOf(r.key())).distinct().toList();
        List<String> groups = topics.readAll("ops.personnel.groups").stream().map(r -> r.key()).distinct().toList();
        String before = rosterCopy(staff, groups);

        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from roster_staff where id in (:staff)")
                    .setParameter("staff", staff).executeUpdate();
            entityManager.createNativeQuery("delete from roster_group where code in (:groups)")
                    .setParameter("groups", groups).executeUpdate();
            processed.forget("quota.roster");
        });
        assertThat(rosterCopy(staff, groups)).isEqualTo("null");
        topics.readAll("ops.personnel.groups").forEach(record -> consumer.onGroup(record.value()));
        topics.readAll("ops.personnel.staff").forEach(record -> consumer.onStaff(record.value()));

        assertThat(rosterCopy(staff, groups)).contains(group).isEqualTo(before);
    }

    /** The roster copy of these people and groups as text, without generated row ids. */
    private String rosterCopy(List<Long> staff, List<String> groups) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(entityManager.createNativeQuery("""
                select string_agg(line, E'\\n' order by line) from (
                    select g::text as line from roster_group g where g.code in (:groups)
                    union all select s::text from roster_staff s where s.id in (:staff)
                    union all select concat_ws(',', staff_id, group_code, post_code, group_role, from_date, to_date)
                    from roster_placement where staff_id in (:staff)) copy""")
                .setParameter("staff", staff).setParameter("groups", groups).getSingleResult()));
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
