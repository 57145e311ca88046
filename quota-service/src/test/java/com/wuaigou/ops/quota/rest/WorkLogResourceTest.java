package com.wuaigou.ops.quota.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.roster.RosterConsumer;
import com.wuaigou.ops.local.PinnedClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.wuaigou.ops.quota.rest.Fixture.ADMIN;
import static com.wuaigou.ops.quota.rest.Fixture.DIRECTOR;
import static com.wuaigou.ops.quota.rest.Fixture.as;
import static com.wuaigou.ops.quota.rest.Fixture.etag;
import static com.wuaigou.ops.quota.rest.Fixture.currentETag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class WorkLogResourceTest {

    @Inject
    RosterConsumer roster;

    @Inject
    EntityManager entityManager;

    private Fixture world;
    private String daily;

    @BeforeEach
    void setUp() {
        world = new Fixture(roster);
        daily = world.countItem("DAILY", "1", "1", "DAY");
    }

    @Test
    void shouldReturnTheFirstAnswerToARetryWithTheSameIdempotencyKey() {
        Map<String, Object> body = Map.of("itemCode", daily, "workDate", "2025-02-03", "quantity", 2);

        long first = as(world.anna, "staff").header("Idempotency-Key", "retry-1").contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-logs").then().statusCode(201).extract().jsonPath().getLong("id");
        as(world.anna, "staff").header("Idempotency-Key", "retry-1").contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-logs").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo((int) first));

        as(world.anna, "staff").get("/api/v1/work-logs?staffId=" + world.anna + "&from=2025-02-03&to=2025-02-03").then()
                .body("size()", equalTo(1));
    }

    @Test
    void shouldRefuseABlankIdempotencyKeyAndLogNothing() {
        Map<String, Object> body = Map.of("itemCode", daily, "workDate", "2025-02-07", "quantity", 1);
        for (String blank : List.of("", "   ")) {
            as(world.anna, "staff").header("Idempotency-Key", blank).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/work-logs").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        as(world.anna, "staff").get("/api/v1/work-logs?staffId=" + world.anna + "&from=2025-02-07&to=2025-02-07").then()
                .body("size()", equalTo(0));
    }

    @Test
    void shouldRefuseAQuantityTheColumnCannotKeepInsteadOfRoundingOrOverflowingIt() {
        for (String quantity : List.of("0.001", "1e13", "1e308", "9223372036854775808")) {
            as(world.anna, "staff").contentType(ContentType.JSON)
                    .body("{\"itemCode\":\"" + daily + "\",\"workDate\":\"2025-02-10\",\"quantity\":" + quantity + "}")
                    .post("/api/v1/work-logs").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors.field", hasItem("quantity"));
        }
        as(world.anna, "staff").get("/api/v1/work-logs?staffId=" + world.anna + "&from=2025-02-10&to=2025-02-10").then()
                .body("size()", equalTo(0));
    }

    @Test
    void shouldCreateOneLogWhenRetriesWithTheSameKeyArriveTogether() throws Exception {
        Map<String, Object> body = Map.of("itemCode", daily, "workDate", "2025-02-06", "quantity", 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> as(world.anna, "staff").header("Idempotency-Key", "together")
                        .contentType(ContentType.JSON).body(body).post("/api/v1/work-logs").then().statusCode(201)
                        .extract().jsonPath().getLong("id")));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> answer : answers) {
                ids.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        as(world.anna, "staff").get("/api/v1/work-logs?staffId=" + world.anna + "&from=2025-02-06&to=2025-02-06").then()
                .body("size()", equalTo(1));
    }

    @Test
    void shouldRefuseAnIdempotencyKeyReusedForAnotherRequest() {
        as(world.anna, "staff").header("Idempotency-Key", "reuse").contentType(ContentType.JSON)
                .body(Map.of("itemCode", daily, "workDate", "2025-02-03")).post("/api/v1/work-logs").then().statusCode(201);

        as(world.anna, "staff").header("Idempotency-Key", "reuse").contentType(ContentType.JSON)
                .body(Map.of("itemCode", daily, "workDate", "2025-02-04")).post("/api/v1/work-logs").then().statusCode(422)
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void shouldRefuseANegativeQuantity() {
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-02-03", "quantity", -1), 400)
                .body("errors.field", hasItem("quantity"));
    }

    @Test
    void shouldRefuseAFutureDate() {
        String tomorrow = PinnedClock.today().plusDays(1).toString();

        post(world.anna, Map.of("itemCode", daily, "workDate", tomorrow), 422).body("errors.field", hasItem("workDate"))
                .body("type", equalTo("https://ops.wuaigou.com/problems/future-date"));
    }

    @Test
    void shouldRefuseWorkLogForUnknownItem() {
        post(world.anna, Map.of("itemCode", "NO-SUCH-ITEM", "workDate", "2025-02-03"), 422)
                .body("errors.field", hasItem("itemCode"));
    }

    @Test
    void shouldRefuseWorkForUnknownOrDepartedPeople() {
        post(ADMIN, Map.of("staffId", Fixture.nextId(), "itemCode", daily, "workDate", "2025-02-03"), 422)
                .body("type", equalTo("https://ops.wuaigou.com/problems/unknown-staff"));
        world.staff(world.bo, world.group, "MEMBER", "LEFT", 2);
        post(world.bo, Map.of("itemCode", daily, "workDate", "2025-02-03"), 422)
                .body("type", equalTo("https://ops.wuaigou.com/problems/staff-left"));
    }

    @Test
    void shouldRefuseWorkByItemAndPersonAsTheDatabaseHoldsThemNotAsThisInstanceLastReadThem() {
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-02-03"), 201);
        post(world.bo, Map.of("itemCode", daily, "workDate", "2025-02-03"), 201);

        // As another instance of the service would: the item retired and the person gone, behind this instance's back.
        changeBehindTheService("update quota_item set retired_on = date '2025-02-01', version = version + 1 where code = ?1", daily);
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-02-04"), 422)
                .body("type", equalTo("https://ops.wuaigou.com/problems/item-retired"));
        String other = world.countItem("OTHER", "1", "1", "DAY");
        post(world.bo, Map.of("itemCode", other, "workDate", "2025-02-04"), 201);
        changeBehindTheService("update roster_staff set status = 'LEFT', version = version + 1 where id = ?1", world.bo);
        post(world.bo, Map.of("itemCode", other, "workDate", "2025-02-05"), 422)
                .body("type", equalTo("https://ops.wuaigou.com/problems/staff-left"));

        as(ADMIN, "admin").get("/api/v1/work-logs?groupCode=" + world.group + "&from=2025-02-03&to=2025-02-05").then()
                .body("workDate", contains("2025-02-03", "2025-02-03", "2025-02-04"));
    }

    @Test
    void shouldWriteALogAgainFromFreshReadsWhenItsCopiesMovedAndCountItOnce() {
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-02-10"), 201);

        // Newer versions than this instance's copies, as another instance's changes would leave them.
        changeBehindTheService("update quota_item set version = version + 1 where code = ?1", daily);
        changeBehindTheService("update roster_staff set version = version + 1 where id = ?1", world.anna);
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-02-10", "quantity", 2), 201);

        as(world.anna, "staff").get("/api/v1/work-logs?staffId=" + world.anna + "&from=2025-02-10&to=2025-02-10").then()
                .body("size()", equalTo(2));
        as(world.anna, "staff").get("/api/v1/attainment/staff/" + world.anna + "?window=DAY&date=2025-02-10").then()
                .statusCode(200).body("items.find { it.itemCode == '" + daily + "' }.done", equalTo(3));
    }

    private void changeBehindTheService(String sql, Object parameter) {
        QuarkusTransaction.requiringNew().run(() -> assertThat(entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).executeUpdate()).isEqualTo(1));
    }

    @Test
    void shouldRefuseSlotsTheItemDoesNotHave() {
        String duty = world.item("DUTY", Map.of("shape", "COVERAGE", "targetMin", 1, "period", "DAY", "unit", "person",
                "slots", "AM;PM"));

        post(world.anna, Map.of("itemCode", duty, "workDate", "2025-02-03", "slot", "NIGHT"), 422)
                .body("errors.field", hasItem("slot"));
        post(world.anna, Map.of("itemCode", duty, "workDate", "2025-02-03"), 422).body("errors.field", hasItem("slot"));
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-02-03", "slot", "AM"), 422);
        post(world.anna, Map.of("itemCode", duty, "workDate", "2025-02-03", "slot", "PM"), 201).body("slot", equalTo("PM"));
    }

    @Test
    void shouldRequireMinutesForRateItems() {
        String upload = world.item("UPLOAD", Map.of("shape", "RATE", "targetMin", 10, "period", "HOUR", "unit", "item"));

        post(world.anna, Map.of("itemCode", upload, "workDate", "2025-02-03", "quantity", 12), 422)
                .body("errors.field", hasItem("minutes"));
        post(world.anna, Map.of("itemCode", upload, "workDate", "2025-02-03", "quantity", 12, "minutes", 60), 201);
    }

    @Test
    void shouldCheckTheCrewOfStandardTimeItems() {
        String pickup = world.item("PICKUP", Map.of("shape", "STANDARD_TIME", "stdMinutes", 90, "crewMin", 2,
                "crewMax", 2, "unit", "trip"));

        post(world.anna, Map.of("itemCode", pickup, "workDate", "2025-02-03"), 422).body("errors.field", hasItem("crew"));
        post(world.anna, Map.of("itemCode", pickup, "workDate", "2025-02-03", "crew", List.of(Fixture.nextId())), 422)
                .body("errors.field", hasItem("crew"));
        post(world.anna, Map.of("itemCode", pickup, "workDate", "2025-02-03", "crew", List.of(world.bo)), 201)
                .body("crew", contains((int) Math.min(world.anna, world.bo), (int) Math.max(world.anna, world.bo)));
    }

    @Test
    void shouldMarkWorkOnAnItemNobodyAssignedAsUnplanned() {
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-02-03"), 201).body("unplanned", equalTo(true));
        world.assign(daily, world.anna, "2025-02-01");
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-02-04"), 201).body("unplanned", equalTo(false));
    }

    @Test
    void shouldLetStaffLogOnlyTheirOwnWork() {
        post(world.anna, Map.of("staffId", world.bo, "itemCode", daily, "workDate", "2025-02-03"), 403);
        as(world.manager, "manager").contentType(ContentType.JSON)
                .body(Map.of("staffId", world.bo, "itemCode", daily, "workDate", "2025-02-03"))
                .post("/api/v1/work-logs").then().statusCode(201).body("staffId", equalTo((int) world.bo));
        as(10, "bi").contentType(ContentType.JSON).body(Map.of("itemCode", daily, "workDate", "2025-02-03"))
                .post("/api/v1/work-logs").then().statusCode(403);
    }

    @Test
    void shouldKeepEveryCorrectionByTheAuthorAndTheManager() {
        long id = world.log(world.anna, daily, "2025-02-05", 1);
        Fixture other = new Fixture(roster);

        correct(world.anna, "staff", id, etag(0), Map.of("quantity", 2), 200).body("revision", equalTo(1));
        correct(world.manager, "manager", id, etag(1), Map.of("quantity", 3), 422).body("errors.field", hasItem("reason"));
        correct(world.bo, "staff", id, etag(1), Map.of("quantity", 3, "reason", "mine"), 403);
        correct(other.manager, "manager", id, etag(1), Map.of("quantity", 3, "reason", "x"), 403);
        correct(world.manager, "manager", id, etag(0), Map.of("quantity", 3, "reason", "recount"), 412);
        correct(world.manager, "manager", id, etag(1), Map.of("quantity", 3, "reason", "recount"), 200)
                .body("quantity", equalTo(3)).body("revision", equalTo(2));

        as(world.anna, "staff").get("/api/v1/work-logs/" + id + "/corrections").then().statusCode(200)
                .body("size()", equalTo(2)).body("[1].reason", equalTo("recount"))
                .body("[1].correctedBy", equalTo((int) world.manager));
    }

    @Test
    void shouldFreezeALockedPeriodUntilADirectorReopensIt() {
        long id = world.log(world.anna, daily, "2025-05-05", 1);

        lock(world.anna, "staff", "2025-05-05", 403);
        long lockId = lock(world.manager, "manager", "2025-05-05", 201).extract().jsonPath().getLong("id");
        lock(world.manager, "manager", "2025-05-20", 409);
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-05-06"), 422)
                .body("type", equalTo("https://ops.wuaigou.com/problems/period-locked"));
        correct(world.anna, "staff", id, etag(0), Map.of("quantity", 2), 422);
        correct(world.manager, "manager", id, etag(0), Map.of("quantity", 2, "reason", "late"), 422);

        reopen(world.manager, "manager", lockId, 403);
        reopen(DIRECTOR, "director", lockId, 200).body("active", equalTo(false));
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-05-06"), 201);
    }

    @Test
    void shouldLockOnlyAPeriodThatIsOver() {
        lock(world.manager, "manager", PinnedClock.today().toString(), 422);
    }

    @Test
    void shouldPublishEachLogAndCorrectionExactlyOnceKeyedByStaffId() {
        long id = world.log(world.anna, daily, "2025-02-10", 1);
        correct(world.anna, "staff", id, etag(0), Map.of("quantity", 2), 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = Fixture.topics().readAll("ops.quota.worklogs",
                    v -> v.contains("\"logId\":" + id + ","));
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(Long.toString(world.anna));
            assertThat(records).extracting(r -> r.value().contains("ops.quota.worklog.recorded.v1")).containsExactly(true, false);
            assertThat(records.get(1).value()).contains("ops.quota.worklog.corrected.v1");
        });
    }

    @Test
    void shouldPublishCompletionOnceAndItsReverseWhenACorrectionUndoesIt() {
        world.assign(daily, world.anna, "2025-01-01");
        long first = world.log(world.anna, daily, "2025-07-07", 1);
        long second = world.log(world.anna, daily, "2025-07-07", 1);
        correct(world.anna, "staff", second, etag(0), Map.of("quantity", 0), 200);
        correct(world.anna, "staff", first, etag(0), Map.of("quantity", 0), 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> person = Fixture.topics().readAll("ops.quota.attainment",
                    v -> v.contains("\"itemCode\":\"" + daily + "\"") && v.contains("\"subjectType\":\"PERSON\"")
                            && v.contains("\"windowKind\":\"DAY\""));
            assertThat(person).extracting(r -> r.value().contains("ops.quota.attainment.met.v1")).containsExactly(true, false);
            assertThat(person.get(1).value()).contains("ops.quota.attainment.unmet.v1");
            assertThat(person).extracting(ConsumerRecord::key).containsOnly(Long.toString(world.anna));
            List<ConsumerRecord<String, String>> group = Fixture.topics().readAll("ops.quota.attainment",
                    v -> v.contains("\"itemCode\":\"" + daily + "\"") && v.contains("\"subjectType\":\"GROUP\"")
                            && v.contains("\"windowKind\":\"DAY\""));
            assertThat(group).hasSize(2);
        });
    }

    @Test
    void shouldPublishEachPersonsAttainmentWhenAPeriodIsLockedAndTheReopening() {
        world.assign(daily, world.anna, "2025-01-01");
        world.log(world.anna, daily, "2025-08-04", 1);
        String flexible = world.countItem("FLEX", "2", "2", "MONTH");
        world.assign(flexible, world.anna, "2025-01-01", "FLEXIBLE");
        String extra = world.countItem("EXTRA", "1", "1", "DAY");
        post(world.anna, Map.of("itemCode", daily, "workDate", "2025-08-05", "quantity", 1, "minutes", 90), 201);
        post(world.anna, Map.of("itemCode", flexible, "workDate", "2025-08-06", "quantity", 2, "minutes", 60), 201);
        post(world.anna, Map.of("itemCode", extra, "workDate", "2025-08-07", "quantity", 1, "minutes", 30), 201);

        long lockId = lock(world.manager, "manager", "2025-08-04", 201).extract().jsonPath().getLong("id");
        reopen(DIRECTOR, "director", lockId, 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = Fixture.topics().readAll("ops.quota.periods",
                    v -> v.contains("\"groupCode\":\"" + world.group + "\""));
            assertThat(records).hasSize(2);
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(world.group);
            assertThat(records.get(0).value()).contains("ops.quota.period.locked.v1")
                    .contains("\"staffId\":" + world.anna).contains("\"itemCode\":\"" + daily + "\"")
                    .contains("\"targetLow\":21").contains("\"done\":2");
            assertThat(records.get(1).value()).contains("ops.quota.period.reopened.v1").contains("\"reason\":\"late log\"");
            JsonNode anna = personIn(records.get(0).value(), world.anna);
            assertThat(anna.get("workloadMinutes").asLong()).isEqualTo(180);
            assertThat(anna.get("workingMinutes").asLong()).isEqualTo(21 * 480);
            assertThat(itemIn(anna, daily).get("duty").asText()).isEqualTo("PRIMARY");
            assertThat(itemIn(anna, flexible).get("duty").asText()).isEqualTo("FLEXIBLE");
            assertThat(itemIn(anna, flexible).get("status").asText()).isEqualTo("MET");
            assertThat(itemIn(anna, extra).get("planned").asBoolean()).isFalse();
            assertThat(itemIn(anna, extra).has("duty")).isTrue();
            assertThat(itemIn(anna, extra).get("duty").isNull()).isTrue();
            JsonNode bo = personIn(records.get(0).value(), world.bo);
            assertThat(bo.get("workloadMinutes").asLong()).isZero();
            assertThat(bo.get("workingMinutes").asLong()).isEqualTo(21 * 480);
        });
    }

    private static JsonNode personIn(String lockedEvent, long staffId) throws Exception {
        for (JsonNode person : new ObjectMapper().readTree(lockedEvent).path("data").path("people")) {
            if (person.get("staffId").asLong() == staffId) {
                return person;
            }
        }
        throw new AssertionError("No figures for staff " + staffId + " in " + lockedEvent);
    }

    private static JsonNode itemIn(JsonNode person, String itemCode) {
        for (JsonNode item : person.path("items")) {
            if (item.get("itemCode").asText().equals(itemCode)) {
                return item;
            }
        }
        throw new AssertionError("No figures for item " + itemCode + " in " + person);
    }

    private ValidatableResponse post(long staffId, Map<String, Object> body, int status) {
        String role = staffId == ADMIN ? "admin" : "staff";
        return as(staffId, role).contentType(ContentType.JSON).body(new HashMap<>(body)).post("/api/v1/work-logs").then()
                .statusCode(status);
    }

    private ValidatableResponse correct(long caller, String role, long id, String ifMatch, Map<String, Object> body,
                                        int status) {
        return as(caller, role).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .put("/api/v1/work-logs/" + id).then().statusCode(status);
    }

    private ValidatableResponse lock(long caller, String role, String date, int status) {
        return as(caller, role).contentType(ContentType.JSON)
                .body(Map.of("groupCode", world.group, "window", "MONTH", "date", date))
                .post("/api/v1/period-locks").then().statusCode(status);
    }

    private ValidatableResponse reopen(long caller, String role, long id, int status) {
        return as(caller, role).contentType(ContentType.JSON).body(Map.of("reason", "late log"))
                .header("If-Match", currentETag("/api/v1/period-locks/" + id))
                .post("/api/v1/period-locks/" + id + "/reopen").then().statusCode(status);
    }
}
