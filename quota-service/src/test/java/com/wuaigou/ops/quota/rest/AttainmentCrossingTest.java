package com.wuaigou.ops.quota.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.common.roster.RosterConsumer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static com.wuaigou.ops.quota.rest.Fixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly one {@code attainment.met.v1} per crossing, whatever the interleaving of concurrent writers: the events are
 * read back from Kafka.
 */
@QuarkusTest
class AttainmentCrossingTest {

    private static final String ATTAINMENT = "ops.quota.attainment";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");

    @Inject
    RosterConsumer roster;
    @Inject
    OutboxGate gate;
    @Inject
    AgroalDataSource dataSource;

    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopWriters() {
        gate.release();
        pool.shutdownNow();
    }

    @Test
    void shouldSendOneMetWhenTwoLogsOnTwoDaysThatTogetherMeetTheWeekAreWrittenAtOnce() throws Exception {
        Fixture world = new Fixture(roster);
        String forum = world.countItem("FORUM", "2", "4", "WEEK");
        world.assign(forum, world.anna, "2025-01-01");

        // The first writer judges the week (one post: short) and is held open before its commit, with its locks.
        gate.holdNext();
        Future<Integer> monday = pool.submit(() -> logOnePost(world.anna, forum, "2025-03-03"));
        gate.awaitHeld();
        // The second writer's post on another day makes two; it must judge the week with the first one's work.
        Future<Integer> tuesday = pool.submit(() -> logOnePost(world.anna, forum, "2025-03-04"));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingForAWindowLock() || gate.arrivals() > 1);
        gate.release();

        assertThat(List.of(monday.get(60, TimeUnit.SECONDS), tuesday.get(60, TimeUnit.SECONDS))).containsOnly(201);
        List<String> week = attainmentEventsOf(forum).stream().filter(e -> e.contains("\"windowKind\":\"WEEK\"")).toList();
        assertThat(week).filteredOn(e -> e.contains("\"subjectType\":\"PERSON\"")).hasSize(1)
                .allMatch(e -> e.contains("ops.quota.attainment.met.v1"));
        assertThat(week).filteredOn(e -> e.contains("\"subjectType\":\"GROUP\"")).hasSize(1)
                .allMatch(e -> e.contains("ops.quota.attainment.met.v1"));
    }

    @Test
    void shouldSendOneMetPerCrossingWhenSixteenWritersLogOneGroupWeekAtOnce() throws Exception {
        Fixture world = new Fixture(roster);
        String forum = world.countItem("FORUM", "2", "4", "WEEK");
        List<Long> people = new ArrayList<>(List.of(world.anna, world.bo));
        while (people.size() < 8) {
            long member = Fixture.nextId();
            world.staff(member, world.group, "MEMBER", "ACTIVE", 1);
            people.add(member);
        }
        people.forEach(person -> world.assign(forum, person, "2026-01-01"));

        // Every person posts on Monday and on Tuesday: their second post meets their week, the group's second its week.
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long person = people.get(i % people.size());
            String day = i < people.size() ? "2026-03-02" : "2026-03-03";
            writes.add(pool.submit(() -> {
                start.await();
                return logOnePost(person, forum, day);
            }));
        }
        start.countDown();
        for (Future<Integer> write : writes) {
            assertThat(write.get(120, TimeUnit.SECONDS)).isEqualTo(201);
        }

        List<String> events = attainmentEventsOf(forum);
        assertThat(events).allMatch(e -> e.contains("ops.quota.attainment.met.v1"));
        List<String> week = events.stream().filter(e -> e.contains("\"windowKind\":\"WEEK\"")).toList();
        assertThat(week).filteredOn(e -> e.contains("\"subjectType\":\"GROUP\"")).hasSize(1);
        for (long person : people) {
            assertThat(week).filteredOn(e -> e.contains("\"subjectId\":\"" + person + "\"")).hasSize(1);
        }
        assertThat(week).hasSize(1 + people.size());
        assertThat(events).extracting(AttainmentCrossingTest::windowOf).doesNotHaveDuplicates();
    }

    @Test
    void shouldJudgeALogThatWaitedForACorrectionTakingItsMetWindowsBackBelowTheNumber() throws Exception {
        Fixture world = new Fixture(roster);
        // One post a month meets the month, and the share of it that falls on a working day meets that day and week.
        String report = world.countItem("REPORT", "1", "2", "MONTH");
        world.assign(report, world.anna, "2025-01-01");
        long first = world.log(world.anna, report, "2025-03-03", 1);
        String etag = Fixture.etag(0);

        // The correction takes every window back to short and is held open before its commit, with its locks.
        gate.holdNext();
        Future<Integer> correction = pool.submit(() -> as(world.anna, "staff").contentType(ContentType.JSON)
                .header("If-Match", etag).body(Map.of("quantity", 0))
                .put("/api/v1/work-logs/" + first).then().extract().statusCode());
        gate.awaitHeld();
        // A new post waits for the windows' locks. Only a read taken after that wait shows it windows that are short
        // again: the judgements its statement could see when it began were all met.
        Future<Integer> second = pool.submit(() -> logOnePost(world.anna, report, "2025-03-04"));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingForAWindowLock() || gate.arrivals() > 1);
        gate.release();

        assertThat(correction.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(201);
        Map<String, List<String>> byWindow = new LinkedHashMap<>();
        attainmentEventsOf(report).forEach(event -> byWindow.computeIfAbsent(windowOf(event), w -> new ArrayList<>())
                .add(JSON_TYPE.matcher(event).results().map(m -> m.group(1)).findFirst().orElseThrow()));
        String met = "ops.quota.attainment.met.v1";
        String unmet = "ops.quota.attainment.unmet.v1";
        String monthOfAnna = "PERSON " + world.anna + " MONTH 2025-03-01";
        String monthOfGroup = "GROUP " + world.group + " MONTH 2025-03-01";
        assertThat(byWindow.get(monthOfAnna)).containsExactly(met, unmet, met);
        assertThat(byWindow.get(monthOfGroup)).containsExactly(met, unmet, met);
        // The first day's windows went short with the correction; the second day's were met by the new post alone.
        assertThat(byWindow.get("PERSON " + world.anna + " DAY 2025-03-03")).containsExactly(met, unmet);
        assertThat(byWindow.get("PERSON " + world.anna + " DAY 2025-03-04")).containsExactly(met);
    }

    @Test
    void shouldSendNothingForALogThatAddsToWindowsThatAreAllMet() throws Exception {
        Fixture world = new Fixture(roster);
        String report = world.countItem("RECAP", "1", "2", "MONTH");
        world.assign(report, world.anna, "2025-01-01");
        world.log(world.anna, report, "2025-03-03", 1);
        int afterFirst = attainmentEventsOf(report).size();

        assertThat(logOnePost(world.anna, report, "2025-03-03")).isEqualTo(201);
        assertThat(logOnePost(world.anna, report, "2025-03-03")).isEqualTo(201);

        // Day, week and month for Anna and the group: met once, and staying met with more work (exceeded is met).
        assertThat(afterFirst).isEqualTo(6);
        assertThat(attainmentEventsOf(report)).hasSize(6).allMatch(e -> e.contains("ops.quota.attainment.met.v1"));
        assertThat(as(world.anna, "staff").get("/api/v1/attainment/staff/" + world.anna + "?window=MONTH&date=2025-03-03")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.itemCode == '" + report + "' }.status")).isEqualTo("EXCEEDED");
    }

    /** Whose figure of which window an event is about. */
    private static String windowOf(String event) {
        try {
            JsonNode data = JSON.readTree(event).path("data");
            return String.join(" ", data.path("subjectType").asText(), data.path("subjectId").asText(),
                    data.path("windowKind").asText(), data.path("windowStart").asText());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + event, e);
        }
    }

    private static int logOnePost(long staffId, String itemCode, String date) {
        return as(staffId, "staff").contentType(ContentType.JSON)
                .body(Map.of("itemCode", itemCode, "workDate", date, "quantity", 1))
                .post("/api/v1/work-logs").then().extract().statusCode();
    }

    /** Every attainment event of the item on the topic, once the relay has published all that was committed. */
    private List<String> attainmentEventsOf(String itemCode) {
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingOutboxRows() == 0);
        return Fixture.topics().readAll(ATTAINMENT, v -> v.contains("\"itemCode\":\"" + itemCode + "\"")).stream()
                .map(ConsumerRecord::value).toList();
    }

    private boolean waitingForAWindowLock() throws SQLException {
        return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'") > 0;
    }

    private long pendingOutboxRows() throws SQLException {
        return count("select count(*) from outbox_event where published_at is null");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
