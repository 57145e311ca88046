package com.wuaigou.ops.personnel;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.local.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static com.wuaigou.ops.personnel.TestRoster.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clients doing the same thing at the same moment: one succeeds, the other gets the 409 of the rule it lost to,
 * whether the service's own check, the database's constraint or the optimistic lock at commit caught it.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON);
    }

    private static void oneWinsTheOtherConflicts(List<Response> answers, int success, String... rules) {
        assertThat(answers).extracting(Response::statusCode).containsExactly(success, 409);
        assertThat(answers.get(1).contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answers.get(1).jsonPath().getString("type"))
                .isIn(Stream.of(rules).map(rule -> Problem.TYPE_BASE + rule).toList());
    }

    @Test
    void shouldCreateAGroupOnceWhenTwoCreateTheSameCodeAtOnce() {
        Map<String, Object> group = Map.of("code", unique("R"), "nameZh", "竞赛组", "nameEn", "Race", "core", false);
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(group).post("/api/v1/groups")), 201, "unique-group-code");
    }

    @Test
    void shouldCreateAPostOnceWhenTwoCreateTheSameCodeAtOnce() {
        String group = newGroup();
        Map<String, Object> post = Map.of("code", group + "-RACE", "title", "Racer", "groupCode", group,
                "primaryDuties", List.of("Race"), "secondaryDuties", List.of());
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(post).post("/api/v1/posts")), 201, "unique-post-code");
    }

    @Test
    void shouldAddAPersonOnceWhenTwoAddTheSameEmployeeNumberAtOnce() {
        Map<String, Object> person = newPersonBody(newGroup(), "MEMBER", LocalDate.of(2025, 1, 1));
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(person).post("/api/v1/staff")), 201,
                "unique-employee-number");
    }

    @Test
    void shouldApplyOneOfTwoEditsOfAGroupFromTheSameVersion() {
        String code = newGroup();
        Map<String, Object> edit = Map.of("nameZh", "改名组", "nameEn", "Renamed", "core", true,
                "version", group(code).getLong("version"));
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(edit).put("/api/v1/groups/" + code)), 200, "stale-version");
    }

    @Test
    void shouldApplyOneOfTwoEditsOfAPostFromTheSameVersion() {
        String post = newGroup() + "-P";
        long version = given().auth().oauth2(ADMIN).get("/api/v1/posts/" + post).then().extract().jsonPath().getLong("version");
        Map<String, Object> edit = Map.of("title", "Renamed", "groupCode", post.substring(0, post.length() - 2),
                "primaryDuties", List.of("Other things"), "secondaryDuties", List.of(), "version", version);
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(edit).put("/api/v1/posts/" + post)), 200, "stale-version");
    }

    @Test
    void shouldApplyOneOfTwoEditsOfAPersonFromTheSameVersion() {
        long id = newPerson(newGroup(), "MEMBER");
        Map<String, Object> edit = Map.of("employeeNumber", person(id).getString("employeeNumber"), "name", "Renamed",
                "version", version(id));
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(edit).put("/api/v1/staff/" + id)), 200, "stale-version");
    }

    @Test
    void shouldApplyOneOfTwoDevelopmentDirectionsFromTheSameVersion() {
        long id = newPerson(newGroup(), "MEMBER");
        Map<String, Object> edit = Map.of("developmentDirection", "Team lead", "version", version(id));
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(edit).put("/api/v1/staff/" + id + "/development-direction")),
                200, "stale-version");
    }

    @Test
    void shouldApplyOneOfTwoStatusChangesFromTheSameVersion() {
        long id = newPerson(newGroup(), "MEMBER");
        Map<String, Object> change = Map.of("status", "ON_LEAVE", "since", "2025-02-01", "version", version(id));
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(change).post("/api/v1/staff/" + id + "/status")),
                200, "stale-version");
    }

    /** The loser's version is stale, or its new placement collides with the winner's (one open placement each). */
    @Test
    void shouldApplyOneOfTwoMovesFromTheSameVersion() {
        long id = newPerson(newGroup(), "MEMBER");
        String target = newGroup();
        Map<String, Object> move = Map.of("groupCode", target, "postCode", target + "-P", "groupRole", "MEMBER",
                "effectiveFrom", "2025-03-01", "version", version(id));
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(move).post("/api/v1/staff/" + id + "/moves")),
                200, "stale-version", "one-group-at-a-time");
    }

    @Test
    void shouldCancelAShiftOnceWhenTwoCancelItFromTheSameVersion() {
        long member = newPerson(newGroup(), "MEMBER");
        LocalDate day = LocalDate.of(2040, 1, 2).plusDays(ThreadLocalRandom.current().nextInt(0, 100_000));
        Response shift = admin().body(Map.of("date", day.toString(), "place", "HOTLINE", "slot", "DAY", "staffId", member))
                .post("/api/v1/shifts").then().statusCode(201).extract().response();
        Map<String, Object> cancel = Map.of("version", shift.jsonPath().getLong("version"));
        oneWinsTheOtherConflicts(Race.twice(() -> admin().body(cancel)
                .post("/api/v1/shifts/" + shift.jsonPath().getLong("id") + "/cancel")), 200, "stale-version");
    }
}
