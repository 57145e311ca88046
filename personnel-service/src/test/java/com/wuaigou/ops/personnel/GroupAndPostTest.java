package com.wuaigou.ops.personnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.local.PinnedClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.wuaigou.ops.personnel.TestRoster.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class GroupAndPostTest {

    @Test
    void shouldSeedTheSixGroupsOfThePlanWithFiveCoreOnes() {
        given().auth().oauth2(staffToken(10)).get("/api/v1/groups").then().statusCode(200)
                .body("code", hasItems("CS", "PB", "PRODUCT", "DESIGN", "PHOTO", "OPS"));
        for (String core : List.of("CS", "PB", "PRODUCT", "DESIGN", "PHOTO")) {
            assertThat(group(core).getBoolean("core")).as(core).isTrue();
        }
        assertThat(group("OPS").getBoolean("core")).isFalse();
        assertThat(group("CS").getString("nameZh")).isEqualTo("客服组");
    }

    @Test
    void shouldSeedThePlansPostsWithTheirDuties() {
        given().auth().oauth2(BI).get("/api/v1/posts/PB-EDITOR").then().statusCode(200)
                .body("groupCode", equalTo("PB"))
                .body("primaryDuties", hasSize(4));
        given().auth().oauth2(BI).get("/api/v1/posts/PB-BUSINESS").then().statusCode(200)
                .body("primaryDuties", hasSize(6));
        given().auth().oauth2(BI).get("/api/v1/posts?group=CS").then().statusCode(200)
                .body("code", hasItems("CS-AGENT", "CS-LEAD"));
    }

    @Test
    void shouldPublishTheSeededGroupsSoOtherServicesLearnThem() {
        JsonNode event = eventsFor(GROUP_TOPIC, "CS", 1).get(0);
        assertThat(event.get("type").asText()).isEqualTo("ops.personnel.group.changed.v1");
        assertThat(event.get("subject").asText()).isEqualTo("group/CS");
        assertThat(event.get("data").get("core").asBoolean()).isTrue();
        assertThat(event.get("data").get("nameEn").asText()).isEqualTo("Customer service");
    }

    @Test
    void shouldLetDirectorsAndAdminsCreateAGroupWithExactlyOneEvent() {
        String code = unique("D");
        given().auth().oauth2(DIRECTOR).contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameZh", "物流组", "nameEn", "Logistics", "core", false))
                .post("/api/v1/groups").then().statusCode(201)
                .body("code", equalTo(code)).body("managerId", equalTo(null));

        JsonNode event = exactly(1, GROUP_TOPIC, code).get(0);
        assertThat(event.get("data").get("nameEn").asText()).isEqualTo("Logistics");
        assertThat(event.get("data").has("managerId")).isTrue();
        assertThat(event.get("data").get("version").asLong()).isZero();
    }

    @Test
    void shouldRefuseGroupAndPostChangesToEveryoneButDirectorsAndAdmins() {
        Map<String, Object> body = Map.of("code", unique("X"), "nameZh", "组", "nameEn", "X", "core", false);
        for (String token : List.of(staffToken(10), managerToken(10), BI)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/groups").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("code", unique("P"), "title", "t", "groupCode", "CS", "primaryDuties", List.of("x")))
                    .post("/api/v1/posts").then().statusCode(403);
        }
        given().auth().oauth2(ADMIN).get("/api/v1/groups/" + body.get("code")).then().statusCode(404);
    }

    @Test
    void shouldRefuseADuplicateGroupCodeAndNameTheBadField() {
        String code = newGroup();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameZh", "组", "nameEn", "Again", "core", true))
                .post("/api/v1/groups").then().statusCode(409)
                .body("type", equalTo(Problem.TYPE_BASE + "unique-group-code"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", "lower case", "nameZh", "组", "nameEn", "Bad", "core", true))
                .post("/api/v1/groups").then().statusCode(400)
                .body("errors.field", hasItems("code"));
    }

    @Test
    void shouldAppointAnActiveMemberAsManagerAndDemoteThePreviousOne() {
        String code = newGroup();
        long first = newPerson(code, "MANAGER");
        long second = newPerson(code, "MEMBER");
        assertThat(group(code).getLong("managerId")).isEqualTo(first);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", groupETag(code))
                .body(groupUpdate(code, second)).put("/api/v1/groups/" + code).then().statusCode(200)
                .body("managerId", equalTo((int) second));

        assertThat(person(first).getString("groupRole")).isEqualTo("MEMBER");
        assertThat(person(second).getString("groupRole")).isEqualTo("MANAGER");
        exactly(2, STAFF_TOPIC, Long.toString(second));
        List<JsonNode> groupEvents = exactly(3, GROUP_TOPIC, code);
        assertThat(groupEvents.get(2).get("data").get("managerId").asLong()).isEqualTo(second);

        LocalDate today = PinnedClock.today();
        given().auth().oauth2(staffToken(10)).get("/api/v1/org-chart?asOf=" + today.minusDays(1)).then()
                .statusCode(200)
                .body("groups.find { it.code == '" + code + "' }.manager.id", equalTo((int) first));
        given().auth().oauth2(staffToken(10)).get("/api/v1/org-chart?asOf=" + today).then()
                .body("groups.find { it.code == '" + code + "' }.manager.id", equalTo((int) second))
                .body("groups.find { it.code == '" + code + "' }.members.size()", equalTo(2));
    }

    @Test
    void shouldRefuseAManagerWhoIsNotAnActiveMemberOfTheGroup() {
        String code = newGroup();
        String other = newGroup();
        long outsider = newPerson(other, "MEMBER");
        long version = group(code).getLong("version");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", groupETag(code))
                .body(groupUpdate(code, outsider)).put("/api/v1/groups/" + code).then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "manager-must-be-active-member"))
                .body("errors.field", hasItems("managerId"));
        assertThat(group(code).get("managerId") == null).isTrue();
        assertThat(group(code).getLong("version")).isEqualTo(version);
    }

    @Test
    void shouldChangeAPostsDutiesAndRefuseAnUnknownGroup() {
        String code = newGroup();
        String post = code + "-P";
        given().auth().oauth2(DIRECTOR).contentType(ContentType.JSON).header("If-Match", postETag(post))
                .body(Map.of("title", "Senior tester", "groupCode", code, "primaryDuties", List.of("a", "b"),
                        "secondaryDuties", List.of("c")))
                .put("/api/v1/posts/" + post).then().statusCode(200)
                .body("primaryDuties", hasSize(2)).body("secondaryDuties", hasSize(1));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", unique("P"), "title", "t", "groupCode", "NOPE", "primaryDuties", List.of("x")))
                .post("/api/v1/posts").then().statusCode(422)
                .body("type", equalTo(Problem.TYPE_BASE + "unknown-group"));
    }

    private static Map<String, Object> groupUpdate(String code, Long managerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameZh", "改名");
        body.put("nameEn", "Renamed");
        body.put("core", false);
        body.put("managerId", managerId);
        return body;
    }
}
