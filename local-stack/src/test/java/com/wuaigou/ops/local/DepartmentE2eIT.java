package com.wuaigou.ops.local;

import com.wuaigou.ops.local.LocalSystem.Service;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The department's system end to end: the three packaged services as separate processes on free ports, with their
 * own PostgreSQL and Kafka and the demo roster, driven over HTTP with real tokens. A new person's quota figures and
 * project reach their scorecard only through events; quota-service stopped in the middle of logging loses nothing and
 * counts nothing twice; with two quota-service instances on one database, one of them killed, every person's work log
 * events still arrive once each, in the order they were committed. Run with {@code ./mvnw -pl local-stack verify -Pe2e} after {@code ./mvnw install}.
 */
class DepartmentE2eIT {

    private static final ZoneId DEPARTMENT_ZONE = ZoneId.of("Asia/Shanghai");
    /** The services' now: 01:30 in Shanghai, when its date is a day ahead of UTC's. */
    private static final Instant PINNED_NOW = Instant.parse("2026-11-30T17:30:00Z");
    /** How long an event may take from one service to another; generous for a loaded 2-core machine. */
    private static final Duration EVENT_DELIVERY = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(500);

    private static final long BEGAN = System.nanoTime();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    private static final String DIRECTOR = DevTokens.mint(DemoIdentities.DIRECTOR_ID, "director");
    private static final AtomicInteger LOG_SEQUENCE = new AtomicInteger();
    /** Customer-service members of the demo roster who log in the two-instance test, each on their own. */
    private static final List<Long> ORDERED_STAFF = List.of(5L, 6L, 7L, 8L);
    private static final int LOGS_PER_PERSON = 8;
    private static LocalSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        RestAssured.config = RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000)
                        .setParam("http.socket.timeout", 30_000));
        system = new LocalSystem(LocalStack.projectRoot(), Path.of("target", "e2e").toAbsolutePath(),
                LocalSystem.Ports.free());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "e2e-stop"));
        system.deleteData();
        system.pinClock(PINNED_NOW);
        system.start();
        System.out.printf("[e2e] system ready after %.1f s%n", seconds(BEGAN));
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        System.out.printf("[e2e] DepartmentE2eIT took %.1f s (logs in target/e2e/logs)%n", seconds(BEGAN));
    }

    @Test
    void shouldLoadTheDemoDepartmentSoEveryActiveMembersScorecardOfLastMonthShowsBothParts() {
        DemoDepartment demo = DemoDepartment.read(system);
        System.out.print("[e2e] " + demo.describe());
        assertThat(demo.people()).isEqualTo(38);
        assertThat(demo.assignments()).isGreaterThanOrEqualTo(2 * demo.activePeople());
        assertThat(demo.workLogs()).isGreaterThan(20 * demo.activePeople());
        assertThat(demo.lockedGroups()).containsExactly("CS", "DESIGN", "OPS", "PB", "PHOTO", "PRODUCT");
        assertThat(demo.projectsPerPhase()).allSatisfy((phase, count) -> assertThat(count).as(phase).isPositive());
        assertThat(demo.projectsPerPhase().get("CLOSED")).isGreaterThanOrEqualTo(6);

        Set<Long> active = new HashSet<>(call(Service.PERSONNEL, DIRECTOR)
                .queryParam("q", "DEMO-").queryParam("status", "ACTIVE").queryParam("size", 100)
                .get("/api/v1/staff").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class));
        Map<Long, JsonPath> cards = new HashMap<>();
        await("every active demo member's card of " + demo.month() + " has its lock and its closed project")
                .atMost(EVENT_DELIVERY).pollInterval(POLL).untilAsserted(() -> {
                    for (String group : demo.lockedGroups()) {
                        String groupCard = call(Service.PERSONNEL, DIRECTOR).queryParam("month", demo.month().toString())
                                .get("/api/v1/groups/" + group + "/scorecard").then().statusCode(200).extract().asString();
                        int members = JsonPath.from(groupCard).getList("members").size();
                        for (int i = 0; i < members; i++) {
                            JsonPath card = JsonPath.from(groupCard).setRoot("members[" + i + "]");
                            if (active.contains(card.getLong("staffId"))) {
                                cards.put(card.getLong("staffId"), card);
                            }
                        }
                    }
                    assertThat(cards.keySet()).containsExactlyInAnyOrderElementsOf(active);
                    assertThat(cards.values()).allSatisfy(card -> {
                        assertThat(card.getBoolean("locked")).isTrue();
                        assertThat(card.getInt("quotas.itemsWithTarget")).isPositive();
                        assertThat(card.getList("projects.closed")).isNotEmpty();
                        assertThat(decimal(card, "overall.appliedQuotaWeight")).isPositive();
                        assertThat(decimal(card, "overall.appliedProjectWeight")).isPositive();
                    });
                });
        assertThat(cards.values()).anySatisfy(card -> assertThat(decimal(card, "quotas.score")).isEqualByComparingTo("100"));
        assertThat(cards.values()).anySatisfy(card -> assertThat(decimal(card, "quotas.score")).isLessThan(new BigDecimal("100")));
    }

    @Test
    void shouldShowANewPersonsApprovedQuotaFiguresAndClosedProjectOnTheirScorecards() {
        LocalDate today = LocalDate.ofInstant(PINNED_NOW, DEPARTMENT_ZONE);
        // Two months back: last month is the demo data's, already locked for every group.
        YearMonth loggedMonth = YearMonth.from(today).minusMonths(2);
        LocalDate monday = loggedMonth.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        long managerId = call(Service.PERSONNEL, DIRECTOR).get("/api/v1/groups/CS").then().statusCode(200)
                .extract().jsonPath().getLong("managerId");
        String manager = DevTokens.mint(managerId, "manager");

        long personId = call(Service.PERSONNEL, DIRECTOR)
                .body(Map.of("employeeNumber", "E2E-" + RUN, "name", "E2E Tester " + RUN, "groupCode", "CS",
                        "postCode", "CS-AGENT", "groupRole", "MEMBER", "hireDate", loggedMonth.atDay(1).toString()))
                .post("/api/v1/staff").then().statusCode(201).extract().jsonPath().getLong("id");
        String person = DevTokens.mint(personId, "staff");

        await("quota-service learns of the new person and the group's manager").atMost(EVENT_DELIVERY).pollInterval(POLL)
                .untilAsserted(() -> {
                    call(Service.QUOTA, DIRECTOR).get("/api/v1/roster/staff/" + personId).then().statusCode(200)
                            .body("groupCode", equalTo("CS"));
                    call(Service.QUOTA, manager).get("/api/v1/assignments/allocation?groupCode=CS").then().statusCode(200);
                });
        long projectId = createProjectOnceTheRosterCopyKnows(manager, personId, today);

        assign(manager, personId, "CS-E-FILE", "PRIMARY", loggedMonth.atDay(1));
        assign(manager, personId, "CS-MERCHANT-CALL", "FLEXIBLE", loggedMonth.atDay(1));
        for (int day = 0; day < 5; day++) {
            String date = monday.plusDays(day).toString();
            logWork(person, Map.of("itemCode", "CS-E-FILE", "workDate", date, "minutes", 60));
            logWork(person, Map.of("itemCode", "CS-MERCHANT-CALL", "workDate", date, "quantity", 12, "minutes", 60));
        }
        logWork(person, Map.of("itemCode", "CS-VISIT-OTHER", "workDate", monday.toString(), "quantity", 3));

        JsonPath week = attainment(person, personId, "WEEK", monday);
        assertThat(decimal(week, item("CS-E-FILE", "targetMin"))).isEqualByComparingTo("300");
        assertThat(decimal(week, item("CS-E-FILE", "done"))).isEqualByComparingTo("300");
        assertThat(week.getString(item("CS-E-FILE", "status"))).isEqualTo("MET");
        assertThat(decimal(week, item("CS-MERCHANT-CALL", "ratePerHour"))).isEqualByComparingTo("12");
        assertThat(week.getString(item("CS-MERCHANT-CALL", "status"))).isEqualTo("EXCEEDED");
        assertThat(week.getBoolean(item("CS-VISIT-OTHER", "planned"))).isFalse();
        assertThat(week.getString(item("CS-VISIT-OTHER", "status"))).isEqualTo("NO_TARGET");
        assertThat(week.getLong(item("CS-VISIT-OTHER", "creditedMinutes"))).isEqualTo(15);

        JsonPath month = attainment(person, personId, "MONTH", monday);
        int workingDays = month.getInt("workingDays");
        assertThat(workingDays).isEqualTo(weekdaysOf(loggedMonth));
        assertThat(decimal(month, item("CS-E-FILE", "targetMin"))).isEqualByComparingTo(BigDecimal.valueOf(60L * workingDays));
        assertThat(decimal(month, item("CS-E-FILE", "ratio")))
                .isEqualByComparingTo(BigDecimal.valueOf(5).divide(BigDecimal.valueOf(workingDays), 4, RoundingMode.HALF_UP));
        assertThat(month.getString(item("CS-E-FILE", "status"))).isEqualTo("SHORT");
        assertThat(month.getString(item("CS-MERCHANT-CALL", "status"))).isEqualTo("EXCEEDED");
        assertThat(month.getList("workload.minutes", Number.class).stream().mapToLong(Number::longValue).sum())
                .isEqualTo(615);

        long lockId = call(Service.QUOTA, manager)
                .body(Map.of("groupCode", "CS", "window", "MONTH", "date", loggedMonth.atDay(1).toString()))
                .post("/api/v1/period-locks").then().statusCode(201).extract().jsonPath().getLong("id");

        LocalDate closedOn = runThroughEveryPhase(projectId, manager, person, personId, today);

        JsonPath loggedMonthCard = awaitCard(person, personId, loggedMonth, card -> card.getBoolean("locked"),
                "the period summary of " + loggedMonth + " reaches personnel-service");
        assertThat(loggedMonthCard.getList("lockIds", Number.class)).extracting(Number::longValue).containsExactly(lockId);
        assertThat(loggedMonthCard.getList("pendingGroups")).isEmpty();
        assertThat(loggedMonthCard.getList("primary.itemCode")).containsExactly("CS-E-FILE");
        assertThat(decimal(loggedMonthCard, "primary[0].targetLow")).isEqualByComparingTo(BigDecimal.valueOf(60L * workingDays));
        assertThat(decimal(loggedMonthCard, "primary[0].done")).isEqualByComparingTo("300");
        assertThat(loggedMonthCard.getString("primary[0].status")).isEqualTo("SHORT");
        assertThat(loggedMonthCard.getList("flexible.itemCode")).containsExactly("CS-MERCHANT-CALL");
        assertThat(loggedMonthCard.getString("flexible[0].status")).isEqualTo("EXCEEDED");
        assertThat(loggedMonthCard.getList("unplanned.itemCode")).containsExactly("CS-VISIT-OTHER");
        assertThat(loggedMonthCard.getLong("unplanned[0].creditedMinutes")).isEqualTo(15);
        assertThat(loggedMonthCard.getInt("quotas.itemsWithTarget")).isEqualTo(2);
        assertThat(loggedMonthCard.getInt("quotas.itemsMet")).isEqualTo(1);
        assertThat(decimal(loggedMonthCard, "quotas.score")).isEqualByComparingTo("50");
        assertThat(loggedMonthCard.getLong("workload.workloadMinutes")).isEqualTo(615);
        assertThat(loggedMonthCard.getLong("workload.workingMinutes")).isEqualTo(480L * workingDays);
        assertThat(loggedMonthCard.getList("projects.closed")).isEmpty();
        assertThat(decimal(loggedMonthCard, "overall.score")).isEqualByComparingTo("50.00");
        assertThat(decimal(loggedMonthCard, "overall.appliedQuotaWeight")).isEqualByComparingTo("1");

        YearMonth closingMonth = YearMonth.from(closedOn);
        JsonPath closingMonthCard = awaitCard(person, personId, closingMonth,
                card -> !card.getList("projects.closed").isEmpty(), "the closed project reaches personnel-service");
        assertThat(closingMonthCard.getBoolean("locked")).isFalse();
        assertThat(closingMonthCard.getList("pendingGroups")).containsExactly("CS");
        assertThat(closingMonthCard.getList("primary")).isEmpty();
        assertThat(closingMonthCard.getLong("projects.closed[0].projectId")).isEqualTo(projectId);
        assertThat(closingMonthCard.getBoolean("projects.closed[0].led")).isTrue();
        assertThat(closingMonthCard.getString("projects.closed[0].role")).isEqualTo("LEAD");
        assertThat(closingMonthCard.getInt("projects.closed[0].evaluationScore")).isEqualTo(80);
        assertThat(decimal(closingMonthCard, "projects.closed[0].sharePercent")).isEqualByComparingTo("70");
        assertThat(closingMonthCard.getString("projects.closed[0].closedOn")).isEqualTo(closedOn.toString());
        assertThat(decimal(closingMonthCard, "projects.score")).isEqualByComparingTo("80");
        assertThat(decimal(closingMonthCard, "overall.score")).isEqualByComparingTo("80.00");
        assertThat(decimal(closingMonthCard, "overall.appliedProjectWeight")).isEqualByComparingTo("1");

        JsonPath assistantCard = card(DIRECTOR, DemoIdentities.STAFF_ID, closingMonth);
        assertThat(assistantCard.getList("projects.closed.projectId", Number.class))
                .extracting(Number::longValue).containsExactly(projectId);
        assertThat(assistantCard.getBoolean("projects.closed[0].led")).isFalse();
        assertThat(decimal(assistantCard, "projects.closed[0].sharePercent")).isEqualByComparingTo("30");
    }

    @Test
    void shouldLoseNoLogAndCountNoLogTwiceWhenQuotaServiceStopsInTheMiddleOfLogging() throws Exception {
        long staffId = DemoIdentities.STAFF_ID;
        String staff = DevTokens.mint(staffId, "staff");
        LocalDate today = LocalDate.ofInstant(PINNED_NOW, DEPARTMENT_ZONE);
        await("quota-service knows the demo roster").atMost(EVENT_DELIVERY).pollInterval(POLL).untilAsserted(() ->
                call(Service.QUOTA, DIRECTOR).get("/api/v1/roster/staff/" + staffId).then().statusCode(200));
        List<String> keys = IntStream.range(0, 16).mapToObj(i -> "visit-" + RUN + "-" + i).toList();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failedAttempts = new AtomicInteger();

        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<?> logging = client.submit(() -> {
                for (String key : keys) {
                    acknowledged.put(key, logVisitUntilAcknowledged(staff, key, today, failedAttempts));
                    pause(Duration.ofMillis(400));
                }
                return null;
            });
            await("a third of the logs is acknowledged").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> acknowledged.size() >= keys.size() / 3);
            system.stop(Service.QUOTA);
            await("requests fail while quota-service is down").atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                    .until(() -> failedAttempts.get() >= 3);
            system.start(Service.QUOTA);
            logging.get(3, TimeUnit.MINUTES);
        } finally {
            client.shutdownNow();
        }

        assertThat(acknowledged).hasSize(keys.size());
        assertThat(failedAttempts.get()).isGreaterThanOrEqualTo(3);
        Response replay = postVisit(staff, keys.get(0), today);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.jsonPath().getLong("id")).isEqualTo(acknowledged.get(keys.get(0)));

        JsonPath logs = call(Service.QUOTA, staff).queryParam("staffId", staffId)
                .queryParam("from", today.toString()).queryParam("to", today.toString())
                .get("/api/v1/work-logs").then().statusCode(200).extract().jsonPath();
        List<String> notes = logs.getList("findAll { it.note?.startsWith('visit-" + RUN + "') }.note");
        List<Long> ids = logs.getList("findAll { it.note?.startsWith('visit-" + RUN + "') }.id", Number.class)
                .stream().map(Number::longValue).toList();
        assertThat(notes).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(acknowledged.values());

        JsonPath day = attainment(staff, staffId, "DAY", today);
        assertThat(decimal(day, item("CS-VISIT-OTHER", "done"))).isEqualByComparingTo(BigDecimal.valueOf(keys.size()));
        assertThat(day.getLong(item("CS-VISIT-OTHER", "creditedMinutes"))).isEqualTo(5L * keys.size());
        System.out.printf("[e2e] %d logs acknowledged once each; %d attempts failed while quota-service was down%n",
                acknowledged.size(), failedAttempts.get());
    }

    @Test
    void shouldKeepEachPersonsWorkLogEventsInCommitOrderWhenOneOfTwoQuotaInstancesIsKilled() throws Exception {
        LocalDate today = LocalDate.ofInstant(PINNED_NOW, DEPARTMENT_ZONE);
        await("quota-service knows the people who log").atMost(EVENT_DELIVERY).pollInterval(POLL).untilAsserted(() ->
                ORDERED_STAFF.forEach(id -> call(Service.QUOTA, DIRECTOR).get("/api/v1/roster/staff/" + id).then()
                        .statusCode(200)));
        LocalSystem.Instance second = system.startAnotherInstance(Service.QUOTA);
        List<String> instances = List.of(system.url(Service.QUOTA), second.url());
        Map<String, List<String>> made = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        int total = ORDERED_STAFF.size() * (LOGS_PER_PERSON + (LOGS_PER_PERSON + 1) / 2);

        ExecutorService people = Executors.newFixedThreadPool(ORDERED_STAFF.size());
        try {
            List<Future<List<String>>> work = ORDERED_STAFF.stream()
                    .map(id -> people.submit(() -> logAndCorrectInTurn(id, today, instances, acknowledged)))
                    .toList();
            await("a third of the work is acknowledged").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> acknowledged.get() >= total / 3);
            second.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            System.out.printf("[e2e] killed the second quota-service after %d of %d acknowledged steps%n",
                    acknowledged.get(), total);
            for (int i = 0; i < work.size(); i++) {
                made.put(ORDERED_STAFF.get(i).toString(), work.get(i).get(3, TimeUnit.MINUTES));
            }
        } finally {
            people.shutdownNow();
        }

        TopicProbe worklogs = new TopicProbe(system.kafka().bootstrapServers());
        Predicate<String> ours = value -> value.contains("order-" + RUN + "-");
        List<ConsumerRecord<String, String>> delivered = await("every step reaches ops.quota.worklogs")
                .atMost(EVENT_DELIVERY).pollInterval(POLL)
                .until(() -> worklogs.readAll("ops.quota.worklogs", ours),
                        records -> records.stream().map(r -> JsonPath.from(r.value()).getString("id")).distinct()
                                .count() >= total);
        assertThat(made.values()).allSatisfy(steps -> assertThat(loggedIds(steps)).isSorted());
        assertThat(firstDeliveriesByKey(delivered)).isEqualTo(made);
        System.out.printf("[e2e] %d steps through two quota-service instances arrived in order; %d records on the topic%n",
                total, delivered.size());
    }

    /**
     * One person's work, step after step, each through the instance whose turn it is (or the other one while that one
     * is away): {@value #LOGS_PER_PERSON} logs, every other one corrected right after. Returns the steps as the
     * events should read, "<log id> recorded" or "<log id> corrected", in the order they were committed.
     */
    private static List<String> logAndCorrectInTurn(long staffId, LocalDate day, List<String> instances,
                                                    AtomicInteger acknowledged) {
        String token = DevTokens.mint(staffId, "staff");
        List<String> steps = new ArrayList<>();
        int turn = 0;
        for (int i = 0; i < LOGS_PER_PERSON; i++) {
            String note = "order-" + RUN + "-" + staffId + "-" + i;
            Response created = throughEitherInstance(instances, turn++, url -> call(url, token)
                    .header("Idempotency-Key", note)
                    .body(Map.of("itemCode", "CS-VISIT-OTHER", "workDate", day.toString(), "quantity", 1, "note", note))
                    .post("/api/v1/work-logs"));
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
            long logId = created.jsonPath().getLong("id");
            String etag = "\"" + created.jsonPath().getLong("version") + "\"";
            steps.add(logId + " recorded");
            acknowledged.incrementAndGet();
            if (i % 2 == 0) {
                Response corrected = throughEitherInstance(instances, turn++, url -> call(url, token)
                        .header("If-Match", etag).body(Map.of("quantity", 2, "note", note))
                        .put("/api/v1/work-logs/" + logId));
                if (corrected.statusCode() == 412) {
                    // An earlier attempt was applied, but its answer was lost with the killed instance.
                    call(instances.get(0), token).get("/api/v1/work-logs/" + logId).then().statusCode(200)
                            .body("revision", equalTo(1));
                } else {
                    assertThat(corrected.statusCode()).as(corrected.asString()).isEqualTo(200);
                }
                steps.add(logId + " corrected");
                acknowledged.incrementAndGet();
            }
        }
        return steps;
    }

    /** Sends a request through the instance whose turn it is; while that one is away, through the other. */
    private static Response throughEitherInstance(List<String> instances, int turn, Function<String, Response> request) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (int attempt = turn; System.nanoTime() < deadline; attempt++) {
            try {
                Response answer = request.apply(instances.get(attempt % instances.size()));
                if (answer.statusCode() < 500) {
                    return answer;
                }
            } catch (Exception refusedOrCutOff) {
                // The instance is gone, or went while answering.
            }
            pause(Duration.ofMillis(100));
        }
        throw new AssertionError("No quota-service instance answered within 2 minutes");
    }

    /** Per Kafka key, each event's step in offset order, counting only the first delivery of each CloudEvent id. */
    private static Map<String, List<String>> firstDeliveriesByKey(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new HashSet<>();
        Map<String, List<String>> steps = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonPath event = JsonPath.from(record.value());
            if (seen.add(event.getString("id"))) {
                String kind = event.getString("type").equals("ops.quota.worklog.recorded.v1") ? "recorded" : "corrected";
                steps.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(event.getLong("data.logId") + " " + kind);
            }
        }
        return steps;
    }

    private static List<Long> loggedIds(List<String> steps) {
        return steps.stream().filter(step -> step.endsWith(" recorded"))
                .map(step -> Long.parseLong(step.substring(0, step.indexOf(' ')))).toList();
    }

    /** project-service refuses an unknown lead (422 naming leadId) until its roster copy has the person. */
    private static long createProjectOnceTheRosterCopyKnows(String manager, long leadId, LocalDate today) {
        Map<String, Object> project = Map.of("code", "E2E-" + RUN, "type", "ACTIVITY", "size", "SMALL",
                "title", "Merchant onboarding week", "groupCode", "CS", "leadId", leadId,
                "assistants", List.of(Map.of("staffId", DemoIdentities.STAFF_ID, "role", "hotline support")),
                "plannedStart", today.toString(), "plannedEnd", today.plusDays(14).toString());
        AtomicLong id = new AtomicLong();
        await("project-service learns of the new person").atMost(EVENT_DELIVERY).pollInterval(POLL).untilAsserted(() -> {
            Response created = call(Service.PROJECT, manager).body(project).post("/api/v1/projects");
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
            id.set(created.jsonPath().getLong("id"));
        });
        return id.get();
    }

    /** PLAN to CLOSED through every gate; returns the Asia/Shanghai day it closed. */
    private static LocalDate runThroughEveryPhase(long id, String manager, String lead, long leadId, LocalDate today) {
        String project = "/api/v1/projects/" + id;
        // Every change names the project's version it read in If-Match; each answer's ETag is the next one.
        String etag = call(Service.PROJECT, lead).get(project).then().statusCode(200).extract().header("ETag");
        etag = call(Service.PROJECT, lead).header("If-Match", etag)
                .body(Map.of("objectives", "Open twenty merchant shops in a week",
                        "successCriteria", List.of("20 shops opened", "No complaint")))
                .put(project + "/proposal").then().statusCode(200).extract().header("ETag");
        Response line = call(Service.PROJECT, lead).header("If-Match", etag)
                .body(Map.of("category", "printing", "planned", "500.00"))
                .post(project + "/budget/lines").then().statusCode(201).extract().response();
        Response action = call(Service.PROJECT, lead).header("If-Match", line.header("ETag"))
                .body(Map.of("title", "Call the market's merchants", "ownerId", leadId, "dueDate", today.plusDays(3).toString()))
                .post(project + "/actions").then().statusCode(201).extract().response();
        etag = call(Service.PROJECT, manager).header("If-Match", action.header("ETag")).post(project + "/approval")
                .then().statusCode(200).extract().header("ETag");
        etag = transition(lead, id, etag, "DO");
        etag = call(Service.PROJECT, lead).header("If-Match", etag).body(Map.of("status", "DONE"))
                .post(project + "/actions/" + action.jsonPath().getLong("id") + "/status")
                .then().statusCode(200).extract().header("ETag");
        etag = transition(lead, id, etag, "CHECK");
        etag = call(Service.PROJECT, manager).header("If-Match", etag)
                .body(Map.of("score", 80, "wentWell", "Merchants came", "wentBadly", "One complaint",
                        "results", List.of(Map.of("index", 0, "result", "22 shops", "met", true),
                                Map.of("index", 1, "result", "1 complaint", "met", false))))
                .put(project + "/evaluation").then().statusCode(200).extract().header("ETag");
        etag = transition(lead, id, etag, "ACT");
        etag = call(Service.PROJECT, lead).header("If-Match", etag)
                .body(Map.of("standardise", "The call script", "changeNextTime", "Brief the hotline"))
                .put(project + "/follow-up").then().statusCode(200).extract().header("ETag");
        etag = call(Service.PROJECT, manager).header("If-Match", etag)
                .body(Map.of("lines", List.of(Map.of("lineId", line.jsonPath().getLong("id"), "finalCost", "450.00")),
                        "shares", List.of(Map.of("staffId", leadId, "percent", "70"),
                                Map.of("staffId", DemoIdentities.STAFF_ID, "percent", "30"))))
                .put(project + "/settlement").then().statusCode(200).extract().header("ETag");
        transition(manager, id, etag, "CLOSED");
        JsonPath closed = call(Service.PROJECT, manager).get(project).then().statusCode(200)
                .body("phase", equalTo("CLOSED")).extract().jsonPath();
        return OffsetDateTime.parse(closed.getString("finishedAt")).atZoneSameInstant(DEPARTMENT_ZONE).toLocalDate();
    }

    /** Moves the project on from the version {@code etag} names; answers the next ETag. */
    private static String transition(String who, long id, String etag, String to) {
        return call(Service.PROJECT, who).header("If-Match", etag).body(Map.of("to", to, "reason", "gate passed"))
                .post("/api/v1/projects/" + id + "/transitions").then().statusCode(201).extract().header("ETag");
    }

    private static void assign(String manager, long staffId, String itemCode, String duty, LocalDate from) {
        call(Service.QUOTA, manager)
                .body(Map.of("itemCode", itemCode, "staffId", staffId, "duty", duty, "validFrom", from.toString()))
                .post("/api/v1/assignments").then().statusCode(201);
    }

    private static void logWork(String who, Map<String, Object> log) {
        call(Service.QUOTA, who).header("Idempotency-Key", "e2e-" + RUN + "-" + LOG_SEQUENCE.incrementAndGet())
                .body(log)
                .post("/api/v1/work-logs").then().statusCode(201);
    }

    /** Sends one log until it is acknowledged, retrying with the same Idempotency-Key while the service is away. */
    private static long logVisitUntilAcknowledged(String staff, String key, LocalDate day, AtomicInteger failedAttempts) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                Response answer = postVisit(staff, key, day);
                if (answer.statusCode() == 201) {
                    return answer.jsonPath().getLong("id");
                }
                assertThat(answer.statusCode()).as("%s answered %s", key, answer.asString()).isGreaterThanOrEqualTo(500);
            } catch (Exception refusedOrCutOff) {
                // The service is away: the request never arrived, or its answer was lost.
            }
            failedAttempts.incrementAndGet();
            pause(Duration.ofMillis(500));
        }
        throw new AssertionError(key + " was not acknowledged within 3 minutes");
    }

    private static Response postVisit(String staff, String key, LocalDate day) {
        return call(Service.QUOTA, staff).header("Idempotency-Key", key)
                .body(Map.of("itemCode", "CS-VISIT-OTHER", "workDate", day.toString(), "quantity", 1, "note", key))
                .post("/api/v1/work-logs");
    }

    private static JsonPath attainment(String who, long staffId, String window, LocalDate date) {
        return call(Service.QUOTA, who).queryParam("window", window).queryParam("date", date.toString())
                .get("/api/v1/attainment/staff/" + staffId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath card(String who, long staffId, YearMonth month) {
        return call(Service.PERSONNEL, who).queryParam("month", month.toString())
                .get("/api/v1/staff/" + staffId + "/scorecard").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitCard(String who, long staffId, YearMonth month, Predicate<JsonPath> ready, String what) {
        AtomicReference<JsonPath> card = new AtomicReference<>();
        await(what).atMost(EVENT_DELIVERY).pollInterval(POLL).until(() -> {
            card.set(card(who, staffId, month));
            return ready.test(card.get());
        });
        return card.get();
    }

    private static RequestSpecification call(Service service, String token) {
        return call(system.url(service), token);
    }

    private static RequestSpecification call(String url, String token) {
        return given().baseUri(url).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String item(String itemCode, String field) {
        return "items.find { it.itemCode == '" + itemCode + "' }." + field;
    }

    private static BigDecimal decimal(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }

    /** Monday to Friday: the calendar of a fresh quota-service has no holidays or make-up days. */
    private static int weekdaysOf(YearMonth month) {
        return (int) IntStream.rangeClosed(1, month.lengthOfMonth()).mapToObj(month::atDay)
                .filter(d -> d.getDayOfWeek().getValue() <= 5).count();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
