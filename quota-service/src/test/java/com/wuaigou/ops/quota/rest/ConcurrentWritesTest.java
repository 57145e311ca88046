package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.roster.RosterConsumer;
import com.wuaigou.ops.local.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.wuaigou.ops.quota.rest.Fixture.ADMIN;
import static com.wuaigou.ops.quota.rest.Fixture.DIRECTOR;
import static com.wuaigou.ops.quota.rest.Fixture.as;
import static com.wuaigou.ops.quota.rest.Fixture.currentETag;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clients doing the same thing at the same moment: one succeeds. Creating the same thing twice, the other gets the
 * 409 of what it lost to, whether the service's own check or the database's constraint caught it. Changing the same
 * version twice (both sending the ETag they read in If-Match), the other gets 412, whether the version check or the
 * optimistic lock at commit caught it.
 */
@QuarkusTest
class ConcurrentWritesTest {

    @Inject
    RosterConsumer roster;

    private static RequestSpecification json(long staffId, String role) {
        return as(staffId, role).contentType(ContentType.JSON);
    }

    private static void oneWinsTheOtherConflicts(List<Response> answers, int success, String... rules) {
        assertThat(answers).extracting(Response::statusCode).containsExactly(success, 409);
        assertThat(answers.get(1).contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answers.get(1).jsonPath().getString("type"))
                .isIn(Stream.of(rules).map(rule -> Problem.TYPE_BASE + rule).toList());
    }

    private static void oneWinsTheOtherIsStale(List<Response> answers) {
        assertThat(answers).extracting(Response::statusCode).containsExactly(200, 412);
        assertThat(answers.get(1).contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answers.get(1).jsonPath().getString("type")).isEqualTo(Problem.TYPE_BASE + "stale-version");
        assertThat(answers.get(1).jsonPath().getString("errors[0].field")).isEqualTo("If-Match");
    }

    private static Response lock(Fixture world, String date) {
        return json(world.manager, "manager").body(Map.of("groupCode", world.group, "window", "DAY", "date", date))
                .post("/api/v1/period-locks").then().statusCode(201).extract().response();
    }

    @Test
    void shouldAddAnItemOnceWhenTwoAddTheSameCodeAtOnce() {
        Fixture world = new Fixture(roster);
        Map<String, Object> item = Map.of("groupCode", world.group, "code", world.group + "-RACE", "category", "test",
                "nameZh", "竞赛", "nameEn", "Race", "shape", "TRACKED", "unit", "post");
        oneWinsTheOtherConflicts(Race.twice(() -> json(ADMIN, "admin").body(item).post("/api/v1/quota-items")), 201,
                "duplicate-code");
    }

    @Test
    void shouldLockAPeriodOnceWhenTwoLockItAtOnce() {
        Fixture world = new Fixture(roster);
        Map<String, Object> lock = Map.of("groupCode", world.group, "window", "DAY", "date", "2025-01-10");
        oneWinsTheOtherConflicts(Race.twice(() -> json(world.manager, "manager").body(lock).post("/api/v1/period-locks")),
                201, "already-locked");
        assertThat(as(ADMIN, "admin").get("/api/v1/period-locks?groupCode=" + world.group).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.active }")).hasSize(1);
    }

    @Test
    void shouldReopenALockOnceWhenTwoReopenItFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        Response lock = lock(world, "2025-01-13");
        oneWinsTheOtherIsStale(Race.twice(() -> json(DIRECTOR, "director").header("If-Match", lock.header("ETag"))
                .body(Map.of("reason", "Recount")).post("/api/v1/period-locks/" + lock.jsonPath().getLong("id") + "/reopen")));
    }

    @Test
    void shouldApplyOneOfTwoDescriptionsOfAnItemFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        String code = world.countItem("DESCRIBED", "1", "1", "DAY");
        String etag = currentETag("/api/v1/quota-items/" + code);
        Map<String, Object> description = Map.of("category", "other", "nameZh", "改名", "nameEn", "Renamed",
                "unit", "call");
        oneWinsTheOtherIsStale(Race.twice(() -> json(ADMIN, "admin").header("If-Match", etag).body(description)
                .put("/api/v1/quota-items/" + code)));
    }

    /** A new number moves the item's version at once, so the loser fails on the version, not on the number's row. */
    @Test
    void shouldApplyOneOfTwoNumbersOfAnItemFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        String code = world.countItem("RETARGETED", "1", "1", "DAY");
        String etag = currentETag("/api/v1/quota-items/" + code);
        Map<String, Object> change = Map.of("effectiveFrom",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString(), "targetMin", 2);
        oneWinsTheOtherIsStale(Race.twice(() -> json(ADMIN, "admin").header("If-Match", etag).body(change)
                .post("/api/v1/quota-items/" + code + "/targets")));
    }

    @Test
    void shouldRetireAnItemOnceFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        String code = world.countItem("RETIRED", "1", "1", "DAY");
        String etag = currentETag("/api/v1/quota-items/" + code);
        oneWinsTheOtherIsStale(Race.twice(() -> json(ADMIN, "admin").header("If-Match", etag)
                .body(Map.of("retiredOn", "2099-01-01")).post("/api/v1/quota-items/" + code + "/retire")));
    }

    @Test
    void shouldEndAnAssignmentOnceFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        long assignment = world.assign(world.countItem("ENDED", "1", "1", "DAY"), world.anna, "2025-01-01");
        String etag = currentETag("/api/v1/assignments/" + assignment);
        oneWinsTheOtherIsStale(Race.twice(() -> json(world.manager, "manager").header("If-Match", etag)
                .body(Map.of("validTo", "2025-06-30")).post("/api/v1/assignments/" + assignment + "/end")));
    }

    @Test
    void shouldApplyOneOfTwoCorrectionsOfALogFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        long log = world.log(world.anna, world.countItem("CORRECTED", "1", "1", "DAY"), "2025-02-04", 1);
        String etag = currentETag("/api/v1/work-logs/" + log);
        oneWinsTheOtherIsStale(Race.twice(() -> json(world.anna, "staff").header("If-Match", etag)
                .body(Map.of("quantity", 3)).put("/api/v1/work-logs/" + log)));
    }
}
