package com.wuaigou.ops.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wuaigou.ops.common.roster.RosterGroup;
import com.wuaigou.ops.common.roster.RosterStaff;
import com.wuaigou.ops.local.LocalInfraTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/** Feeds personnel-service's roster events, shaped as the contract says, and waits until the copy has them. */
final class Roster {

    private static final AtomicLong IDS = new AtomicLong(100_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    /** A group with its manager, a lead, an assistant and another member, all active. */
    record Team(String group, long managerId, long leadId, long assistantId, long memberId) {
    }

    private Roster() {
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    static Team team() {
        String group = "G" + nextId();
        long manager = nextId();
        long lead = nextId();
        long assistant = nextId();
        long member = nextId();
        staff(manager, group, "MANAGER", "ACTIVE", 1);
        staff(lead, group, "MEMBER", "ACTIVE", 1);
        staff(assistant, group, "MEMBER", "ACTIVE", 1);
        staff(member, group, "MEMBER", "ACTIVE", 1);
        group(group, manager, 1);
        awaitGroup(group, 1);
        for (long id : new long[]{manager, lead, assistant, member}) {
            awaitStaff(id, 1);
        }
        return new Team(group, manager, lead, assistant, member);
    }

    static String staffEvent(long id, String group, String groupRole, String status, long version) {
        ObjectNode data = JSON.createObjectNode()
                .put("id", id).put("employeeNumber", "T-" + id).put("name", "Staff " + id)
                .put("groupCode", group).put("postCode", group + "-POST").put("groupRole", groupRole)
                .put("status", status).put("statusSince", "2026-01-05").put("hireDate", "2024-03-01")
                .putNull("developmentDirection").put("version", version);
        data.putArray("placements").addObject().put("groupCode", group).put("postCode", group + "-POST")
                .put("groupRole", groupRole).put("from", "2024-03-01").putNull("to");
        return envelope("ops.personnel.staff.changed.v1", "staff/" + id, data);
    }

    static void staff(long id, String group, String groupRole, String status, long version) {
        send("ops.personnel.staff", Long.toString(id), staffEvent(id, group, groupRole, status, version));
    }

    static void group(String code, long managerId, long version) {
        ObjectNode data = JSON.createObjectNode().put("code", code).put("nameZh", code).put("nameEn", "Group " + code)
                .put("core", true).put("managerId", managerId).put("version", version);
        send("ops.personnel.groups", code, envelope("ops.personnel.group.changed.v1", "group/" + code, data));
    }

    static void send(String topic, String key, String value) {
        producer().send(new ProducerRecord<>(topic, key, value));
        producer().flush();
    }

    static void awaitStaff(long id, long version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            RosterStaff staff = RosterStaff.findById(id);
            return staff != null && staff.version == version;
        }));
    }

    static void awaitGroup(String code, long version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            RosterGroup group = RosterGroup.findById(code);
            return group != null && group.version == version;
        }));
    }

    private static String envelope(String type, String subject, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/ops/personnel-service").put("type", type).put("subject", subject)
                .put("time", OffsetDateTime.now().toString()).put("datacontenttype", "application/json");
        envelope.set("data", data);
        return envelope.toString();
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfraTestResource.kafka().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.ACKS_CONFIG, "all"));
        }
        return producer;
    }
}
