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
 * Two clients doing the same thing at the same moment: one succeeds. Creating the same thing twice, the other gets the
 * 409 of the rule it lost to, whether the service's own check or the database's constraint caught it. Changing the same
 * version twice (both sending the ETag they read in If-Match), the other gets 412, whether the version check or the
 * optimistic lock at commit caught it.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON);
    }

    private static void oneWinsTheOtherIsStale(List<Response> answers) {
        assertThat(answers).extracting(Response::statusCode).containsExactly(200, 412);
        assertThat(answers.get(1).contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answers.get(1).jsonPath().getString("type")).isEqualTo(Problem.TYPE_BASE + "stale-version");
        assertThat(answers.get(1).jsonPath().getString("errors[0].field")).isEqualTo("If-Match");
        assertThat(answers.get(0).header("ETag")).isNotEqualTo(answers.get(1).getHeader("ETag"));
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
        String etag = groupETag(code);
        Map<String, Object> edit = Map.of("nameZh", "改名组", "nameEn", "Renamed", "core", true);
        oneWinsTheOtherIsStale(Race.twice(() -> admin().header("If-Match", etag).body(edit)
                .put("/api/v1/groups/" + code)));
    }

    @Test
    void shouldApplyOneOfTwoEditsOfAPostFromTheSameVersion() {
        String post = newGroup() + "-P";
        String etag = postETag(post);
        Map<String, Object> edit = Map.of("title", "Renamed", "groupCode", post.substring(0, post.length() - 2),
                "primaryDuties", List.of("Other things"), "secondaryDuties", List.of());
        oneWinsTheOtherIsStale(Race.twice(() -> admin().header("If-Match", etag).body(edit)
                .put("/api/v1/posts/" + post)));
    }

    @Test
    void shouldApplyOneOfTwoEditsOfAPersonFromTheSameVersion() {
        long id = newPerson(newGroup(), "MEMBER");
        String etag = etag(id);
        Map<String, Object> edit = Map.of("employeeNumber", person(id).getString("employeeNumber"), "name", "Renamed");
        oneWinsTheOtherIsStale(Race.twice(() -> admin().header("If-Match", etag).body(edit)
                .put("/api/v1/staff/" + id)));
    }

    @Test
    void shouldApplyOneOfTwoDevelopmentDirectionsFromTheSameVersion() {
        long id = newPerson(newGroup(), "MEMBER");
        String etag = etag(id);
        Map<String, Object> edit = Map.of("developmentDirection", "Team lead");
        oneWinsTheOtherIsStale(Race.twice(() -> admin().header("If-Match", etag).body(edit)
                .put("/api/v1/staff/" + id + "/development-direction")));
    }

    @Test
    void shouldApplyOneOfTwoStatusChangesFromTheSameVersion() {
        long id = newPerson(newGroup(), "MEMBER");
        String etag = etag(id);
        Map<String, Object> change = Map.of("status", "ON_LEAVE", "since", "2025-02-01");
        oneWinsTheOtherIsStale(Race.twice(() -> admin().header("If-Match", etag).body(change)
                .post("/api/v1/staff/" + id + "/status")));
    }

    /** The person is held at the version read, so the loser fails on the version, never on the winner's placement. */
    @Test
    void shouldApplyOneOfTwoMovesFromTheSameVersion() {
        long id = newPerson(newGroup(), "MEMBER");
        String target = newGroup();
        String etag = etag(id);
        Map<String, Object> move = Map.of("groupCode", target, "postCode", target + "-P", "groupRole", "MEMBER",
                "effectiveFrom", "2025-03-01");
        oneWinsTheOtherIsStale(Race.twice(() -> admin().header("If-Match", etag).body(move)
                .post("/api/v1/staff/" + id + "/moves")));
    }

    @Test
    void shouldCancelAShiftOnceWhenTwoCancelItFromTheSameVersion() {
        long member = newPerson(newGroup(), "MEMBER");
        LocalDate day = LocalDate.of(2040, 1, 2).plusDays(ThreadLocalRandom.current().nextInt(0, 100_000));
        Response shift = admin().body(Map.of("date", day.toString(), "place", "HOTLINE", "slot", "DAY", "staffId", member))
                .post("/api/v1/shifts").then().statusCode(201).extract().response();
        oneWinsTheOtherIsStale(Race.twice(() -> admin().header("If-Match", shift.header("ETag"))
                .post("/api/v1/shifts/" + shift.jsonPath().getLong("id") + "/cancel")));
    }
}
