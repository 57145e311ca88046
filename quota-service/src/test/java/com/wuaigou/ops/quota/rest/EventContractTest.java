package com.wuaigou.ops.quota.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.common.roster.RosterConsumer;
import com.wuaigou.ops.local.EventContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.wuaigou.ops.quota.rest.Fixture.DIRECTOR;
import static com.wuaigou.ops.quota.rest.Fixture.as;
import static com.wuaigou.ops.quota.rest.Fixture.etag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every event type this service emits, caused through the API and read back from Kafka, matches docs/events/schemas. */
@QuarkusTest
class EventContractTest {

    private static final EventContract CONTRACT = EventContract.repository();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RosterConsumer roster;

    @Test
    void shouldEmitQuotaEventsThatMatchTheirSchemas() {
        Fixture world = new Fixture(roster);
        String daily = world.countItem("DAILY", "1", "2", "DAY");
        world.assign(daily, world.anna, "2025-01-01");
        long log = world.log(world.anna, daily, "2025-09-08", 1);
        world.log(world.bo, daily, "2025-09-09", 1);
        correct(world.anna, "staff", log, etag(0), Map.of("quantity", 0));
        correct(world.manager, "manager", log, etag(1), Map.of("quantity", 1, "note", "recounted",
                "reason", "the author miscounted"));
        long lock = as(world.manager, "manager").contentType(ContentType.JSON)
                .body(Map.of("groupCode", world.group, "window", "MONTH", "date", "2025-09-08"))
                .post("/api/v1/period-locks").then().statusCode(201).extract().jsonPath().getLong("id");
        as(DIRECTOR, "director").contentType(ContentType.JSON).body(Map.of("reason", "late log"))
                .header("If-Match", etag(0)).post("/api/v1/period-locks/" + lock + "/reopen").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = new ArrayList<>();
        events.addAll(arrived("ops.quota.worklogs", v -> v.contains("\"itemCode\":\"" + daily + "\""), 4));
        events.addAll(arrived("ops.quota.attainment", v -> v.contains("\"itemCode\":\"" + daily + "\""), 7));
        events.addAll(arrived("ops.quota.periods", v -> v.contains("\"groupCode\":\"" + world.group + "\""), 2));

        assertThat(events).extracting(r -> type(r.value())).contains("ops.quota.worklog.recorded.v1",
                "ops.quota.worklog.corrected.v1", "ops.quota.attainment.met.v1", "ops.quota.attainment.unmet.v1",
                "ops.quota.period.locked.v1", "ops.quota.period.reopened.v1");
        events.forEach(r -> CONTRACT.assertValid(r.value()));
    }

    private static void correct(long caller, String role, long id, String ifMatch, Map<String, Object> body) {
        as(caller, role).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .put("/api/v1/work-logs/" + id).then().statusCode(200);
    }

    private static String type(String envelope) {
        try {
            return JSON.readTree(envelope).path("type").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + envelope, e);
        }
    }

    /** The records on {@code topic} whose value matches, once at least {@code atLeast} of them are there. */
    private static List<ConsumerRecord<String, String>> arrived(String topic, Predicate<String> value, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Fixture.topics().readAll(topic, value), found -> found.size() >= atLeast);
    }
}
