package com.wuaigou.ops.personnel;

import com.wuaigou.ops.local.EventContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.wuaigou.ops.personnel.TestRoster.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every event type this service emits, caused through the API and read back from Kafka, matches docs/events/schemas. */
@QuarkusTest
class EventContractTest {

    private static final EventContract CONTRACT = EventContract.repository();

    @Test
    void shouldEmitRosterEventsThatMatchTheirSchemas() {
        String from = newGroup();
        String to = newGroup();
        long manager = newPerson(from, "MANAGER");
        Map<String, Object> withoutDirection = new HashMap<>(newPersonBody(from, "MEMBER", LocalDate.of(2024, 3, 1)));
        withoutDirection.remove("developmentDirection");
        long member = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(withoutDirection)
                .post("/api/v1/staff").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("groupCode", to, "postCode", to + "-P", "groupRole", "MEMBER",
                        "effectiveFrom", "2025-07-01"))
                .header("If-Match", etag(member)).post("/api/v1/staff/" + member + "/moves").then().statusCode(200);
        LocalDate day = LocalDate.of(2031, 1, 6).plusWeeks(ThreadLocalRandom.current().nextInt(0, 20_000));
        JsonPath scheduled = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "place", "HOTLINE", "slot", "DAY", "staffId", manager))
                .post("/api/v1/shifts").then().statusCode(201).extract().jsonPath();
        long shift = scheduled.getLong("id");
        given().auth().oauth2(ADMIN).header("If-Match", "\"" + scheduled.getLong("version") + "\"")
                .post("/api/v1/shifts/" + shift + "/cancel").then().statusCode(200);

        List<ConsumerRecord<String, String>> groups = arrived(GROUP_TOPIC, List.of(from, to), 3);
        List<ConsumerRecord<String, String>> staff = arrived(STAFF_TOPIC,
                List.of(Long.toString(manager), Long.toString(member)), 3);
        List<ConsumerRecord<String, String>> shifts = arrived(SHIFT_TOPIC, List.of(Long.toString(shift)), 2);

        assertThat(groups).anyMatch(r -> r.value().contains("\"managerId\":null"))
                .anyMatch(r -> r.value().contains("\"managerId\":" + manager));
        assertThat(staff).anyMatch(r -> r.value().contains("\"developmentDirection\":null"))
                .anyMatch(r -> r.value().contains("\"to\":\"2025-06-30\""));
        assertThat(shifts).anyMatch(r -> r.value().contains("\"status\":\"CANCELLED\""));
        for (List<ConsumerRecord<String, String>> records : List.of(groups, staff, shifts)) {
            records.forEach(r -> CONTRACT.assertValid(r.value()));
        }
    }

    /** The records keyed by one of {@code keys}, once at least {@code atLeast} of them are on the topic. */
    private static List<ConsumerRecord<String, String>> arrived(String topic, List<String> keys, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> records(topic, value -> true).stream().filter(r -> keys.contains(r.key())).toList(),
                        found -> found.size() >= atLeast);
    }
}
