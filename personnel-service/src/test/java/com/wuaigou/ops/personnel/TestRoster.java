package com.wuaigou.ops.personnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.local.DemoIdentities;
import com.wuaigou.ops.local.DevTokens;
import com.wuaigou.ops.local.LocalInfraTestResource;
import com.wuaigou.ops.local.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Builds each test's own corner of the shared roster through the API, and reads what reached Kafka. */
final class TestRoster {

    static final String ADMIN = DevTokens.mint(DemoIdentities.ADMIN_ID, Roles.ADMIN);
    static final String DIRECTOR = DevTokens.mint(DemoIdentities.DIRECTOR_ID, Roles.DIRECTOR);
    static final String BI = DevTokens.mint(8000, Roles.BI);
    static final String STAFF_TOPIC = "ops.personnel.staff";
    static final String GROUP_TOPIC = "ops.personnel.groups";
    static final String SHIFT_TOPIC = "ops.personnel.shifts";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRoster() {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    static String staffToken(long id) {
        return DevTokens.mint(id, Roles.STAFF);
    }

    static String managerToken(long id) {
        return DevTokens.mint(id, Roles.MANAGER, Roles.STAFF);
    }

    /** A new group with one post, {@code <code>-P}; returns its code. */
    static String newGroup() {
        String code = unique("T");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameZh", "测试组", "nameEn", "Test group " + code, "core", false))
                .post("/api/v1/groups").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code + "-P", "title", "Tester", "groupCode", code,
                        "primaryDuties", List.of("Test things"), "secondaryDuties", List.of()))
                .post("/api/v1/posts").then().statusCode(201);
        return code;
    }

    static Map<String, Object> newPersonBody(String group, String role, LocalDate hired) {
        return Map.of("employeeNumber", unique("E-"), "name", unique("Person "), "groupCode", group,
                "postCode", group + "-P", "groupRole", role, "hireDate", hired.toString(),
                "developmentDirection", "Specialist",
                "contact", Map.of("phone", "13800001111", "qq", "123456789", "email", "someone@example.com"));
    }

    /** A new active person of {@code group} hired on 2025-01-01; returns the staff id. */
    static long newPerson(String group, String role) {
        return newPerson(group, role, LocalDate.of(2025, 1, 1));
    }

    static long newPerson(String group, String role, LocalDate hired) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(newPersonBody(group, role, hired))
                .post("/api/v1/staff").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath person(long id) {
        return given().auth().oauth2(ADMIN).get("/api/v1/staff/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The person's ETag as an admin reads it now, for the If-Match of a change. */
    static String etag(long id) {
        return given().auth().oauth2(ADMIN).get("/api/v1/staff/" + id).then().statusCode(200).extract().header("ETag");
    }

    static String groupETag(String code) {
        return given().auth().oauth2(ADMIN).get("/api/v1/groups/" + code).then().statusCode(200).extract()
                .header("ETag");
    }

    static String postETag(String code) {
        return given().auth().oauth2(ADMIN).get("/api/v1/posts/" + code).then().statusCode(200).extract()
                .header("ETag");
    }

    static JsonPath group(String code) {
        return given().auth().oauth2(ADMIN).get("/api/v1/groups/" + code).then().statusCode(200).extract().jsonPath();
    }

    /** Envelopes on {@code topic} with record key {@code key}, once at least {@code atLeast} of them arrived. */
    static List<JsonNode> eventsFor(String topic, String key, int atLeast) {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofMillis(700)).pollInterval(Duration.ofMillis(300))
                .until(() -> probe().readAll(topic).stream().filter(r -> key.equals(r.key())).toList(),
                        found -> found.size() >= atLeast);
        return records.stream().map(r -> read(r.value())).toList();
    }

    /** Asserts that exactly {@code count} events keyed {@code key} are on {@code topic}, and returns them. */
    static List<JsonNode> exactly(int count, String topic, String key) {
        List<JsonNode> events = eventsFor(topic, key, count);
        assertThat(events).hasSize(count);
        return events;
    }

    static List<ConsumerRecord<String, String>> records(String topic, Predicate<String> value) {
        return probe().readAll(topic, value);
    }

    private static TopicProbe probe() {
        return new TopicProbe(LocalInfraTestResource.kafka().bootstrapServers());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
