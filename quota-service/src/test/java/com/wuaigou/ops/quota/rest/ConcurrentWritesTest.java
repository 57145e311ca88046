package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.roster.RosterConsumer;
import com.wuaigou.ops.local.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.wuaigou.ops.quota.rest.Fixture.ADMIN;
import static com.wuaigou.ops.quota.rest.Fixture.DIRECTOR;
import static com.wuaigou.ops.quota.rest.Fixture.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clients doing the same thing at the same moment: one succeeds, the other gets the 409 of what it lost to,
 * whether the service's own check, the database's constraint or the optimistic lock at commit caught it.
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

    private JsonPath item(String code) {
        return as(ADMIN, "admin").get("/api/v1/quota-items/" + code).then().statusCode(200).extract().jsonPath();
    }

    private static long lock(Fixture world, String date) {
        return json(world.manager, "manager").body(Map.of("groupCode", world.group, "window", "DAY", "date", date))
                .post("/api/v1/period-locks").then().statusCode(201).extract().jsonPath().getLong("id");
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
    void shouldReopenALockOnceWhenTwoReopenItAtOnce() {
        Fixture world = new Fixture(roster);
        long lock = lock(world, "2025-01-13");
        oneWinsTheOtherConflicts(Race.twice(() -> json(DIRECTOR, "director").body(Map.of("reason", "Recount"))
                .post("/api/v1/period-locks/" + lock + "/reopen")), 200, "already-reopened", "stale-version");
    }

    @Test
    void shouldApplyOneOfTwoDescriptionsOfAnItemFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        String code = world.countItem("DESCRIBED", "1", "1", "DAY");
        Map<String, Object> description = Map.of("category", "other", "nameZh", "改名", "nameEn", "Renamed",
                "unit", "call", "version", item(code).getLong("version"));
        oneWinsTheOtherConflicts(Race.twice(() -> json(ADMIN, "admin").body(description)
                .put("/api/v1/quota-items/" + code)), 200, "stale-version");
    }

    @Test
    void shouldRetireAnItemOnceFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        String code = world.countItem("RETIRED", "1", "1", "DAY");
        Map<String, Object> retirement = Map.of("retiredOn", "2099-01-01", "version", item(code).getLong("version"));
        oneWinsTheOtherConflicts(Race.twice(() -> json(ADMIN, "admin").body(retirement)
                .post("/api/v1/quota-items/" + code + "/retire")), 200, "stale-version");
    }

    @Test
    void shouldEndAnAssignmentOnceFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        long assignment = world.assign(world.countItem("ENDED", "1", "1", "DAY"), world.anna, "2025-01-01");
        long version = as(ADMIN, "admin").get("/api/v1/assignments/" + assignment).then().extract().jsonPath()
                .getLong("version");
        Map<String, Object> end = Map.of("validTo", "2025-06-30", "version", version);
        oneWinsTheOtherConflicts(Race.twice(() -> json(world.manager, "manager").body(end)
                .post("/api/v1/assignments/" + assignment + "/end")), 200, "stale-version");
    }

    @Test
    void shouldApplyOneOfTwoCorrectionsOfALogFromTheSameVersion() {
        Fixture world = new Fixture(roster);
        long log = world.log(world.anna, world.countItem("CORRECTED", "1", "1", "DAY"), "2025-02-04", 1);
        long version = as(world.anna, "staff").get("/api/v1/work-logs/" + log).then().extract().jsonPath()
                .getLong("version");
        Map<String, Object> correction = Map.of("quantity", 3, "version", version);
        oneWinsTheOtherConflicts(Race.twice(() -> json(world.anna, "staff").body(correction)
                .put("/api/v1/work-logs/" + log)), 200, "stale-version");
    }
}
