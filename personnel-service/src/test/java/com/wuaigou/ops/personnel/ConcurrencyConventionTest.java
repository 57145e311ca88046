package com.wuaigou.ops.personnel;

import com.wuaigou.ops.local.ConcurrencyConvention;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static com.wuaigou.ops.personnel.TestRoster.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every versioned resource of the roster follows the one convention: a read carries the version as a strong ETag; a
 * change without If-Match is refused with 428, with a stale one with 412 naming the current ETag, and changes nothing
 * either way; a change with the current ETag applies and answers with the next one.
 */
@QuarkusTest
class ConcurrencyConventionTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON);
    }

    @Test
    void shouldChangeAGroupOnlyAtTheVersionRead() {
        String code = newGroup();
        followsTheConvention("/api/v1/groups/" + code, request -> request
                .body(Map.of("nameZh", "改名组", "nameEn", "Renamed", "core", false)).put("/api/v1/groups/" + code));
    }

    @Test
    void shouldChangeAPostOnlyAtTheVersionRead() {
        String group = newGroup();
        String post = group + "-P";
        followsTheConvention("/api/v1/posts/" + post, request -> request
                .body(Map.of("title", "Senior tester", "groupCode", group, "primaryDuties", List.of("Test more")))
                .put("/api/v1/posts/" + post));
    }

    @Test
    void shouldChangeAPersonsDetailsOnlyAtTheVersionRead() {
        long id = newPerson(newGroup(), "MEMBER");
        String employeeNumber = person(id).getString("employeeNumber");
        followsTheConvention("/api/v1/staff/" + id, request -> request
                .body(Map.of("employeeNumber", employeeNumber, "name", "Renamed")).put("/api/v1/staff/" + id));
    }

    @Test
    void shouldSetAPersonsDevelopmentDirectionOnlyAtTheVersionRead() {
        long id = newPerson(newGroup(), "MEMBER");
        followsTheConvention("/api/v1/staff/" + id, request -> request
                .body(Map.of("developmentDirection", "Team lead")).put("/api/v1/staff/" + id + "/development-direction"));
    }

    @Test
    void shouldChangeAPersonsStatusOnlyAtTheVersionRead() {
        long id = newPerson(newGroup(), "MEMBER");
        followsTheConvention("/api/v1/staff/" + id, request -> request
                .body(Map.of("status", "ON_LEAVE", "since", "2025-02-01")).post("/api/v1/staff/" + id + "/status"));
    }

    @Test
    void shouldMoveAPersonOnlyAtTheVersionRead() {
        long id = newPerson(newGroup(), "MEMBER");
        String target = newGroup();
        followsTheConvention("/api/v1/staff/" + id, request -> request
                .body(Map.of("groupCode", target, "postCode", target + "-P", "groupRole", "MEMBER",
                        "effectiveFrom", "2025-03-01"))
                .post("/api/v1/staff/" + id + "/moves"));
    }

    @Test
    void shouldCancelAShiftOnlyAtTheVersionRead() {
        long member = newPerson(newGroup(), "MEMBER");
        LocalDate day = LocalDate.of(2040, 1, 2).plusDays(ThreadLocalRandom.current().nextInt(0, 100_000));
        long shift = admin().body(Map.of("date", day.toString(), "place", "HOTLINE", "slot", "DAY", "staffId", member))
                .post("/api/v1/shifts").then().statusCode(201).extract().jsonPath().getLong("id");
        followsTheConvention("/api/v1/shifts/" + shift, request -> request.post("/api/v1/shifts/" + shift + "/cancel"));
    }

    @Test
    void shouldTagACreatedResourceWithItsFirstVersion() {
        String code = unique("G");
        Response created = admin().body(Map.of("code", code, "nameZh", "新组", "nameEn", "New", "core", false))
                .post("/api/v1/groups");
        created.then().statusCode(201).header("ETag", "\"0\"").body("version", equalTo(0));
    }

    private static void followsTheConvention(String resource, Function<RequestSpecification, Response> change) {
        ConcurrencyConvention.assertFollowed(ConcurrencyConventionTest::admin, resource, resourceName(resource), change);
    }

    /** How a problem names the resource: Group PB, Post PB-P, Staff member 12, Shift 7. */
    private static String resourceName(String resource) {
        String[] parts = resource.split("/");
        String id = parts[parts.length - 1];
        return switch (parts[parts.length - 2]) {
            case "groups" -> "Group " + id;
            case "posts" -> "Post " + id;
            case "staff" -> "Staff member " + id;
            case "shifts" -> "Shift " + id;
            default -> throw new IllegalArgumentException(resource);
        };
    }
}
