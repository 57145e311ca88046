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
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class StaffResourceTest {

    private static final LocalDate TODAY = PinnedClock.today();

    @Test
    void shouldCreateAPersonWithOnePlacementAndPublishOneSnapshotWithoutContactDetails() {
        String code = newGroup();
        long id = newPerson(code, "MEMBER");

        JsonNode event = exactly(1, STAFF_TOPIC, Long.toString(id)).get(0);
        assertThat(event.get("type").asText()).isEqualTo("ops.personnel.staff.changed.v1");
        assertThat(event.get("subject").asText()).isEqualTo("staff/" + id);
        JsonNode data = event.get("data");
        assertThat(data.get("id").asLong()).isEqualTo(id);
        assertThat(data.get("groupCode").asText()).isEqualTo(code);
        assertThat(data.get("postCode").asText()).isEqualTo(code + "-P");
        assertThat(data.get("groupRole").asText()).isEqualTo("MEMBER");
        assertThat(data.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(data.get("statusSince").asText()).isEqualTo("2025-01-01");
        assertThat(data.get("hireDate").asText()).isEqualTo("2025-01-01");
        assertThat(data.get("developmentDirection").asText()).isEqualTo("Specialist");
        assertThat(data.get("placements")).hasSize(1);
        assertThat(data.get("placements").get(0).get("from").asText()).isEqualTo("2025-01-01");
        assertThat(data.get("placements").get(0).get("to").isNull()).isTrue();
        assertThat(data.has("version")).isTrue();
        assertThat(data.has("contact") || data.has("phone") || data.has("email") || data.has("qq")).isFalse();
        assertThat(event.toString()).doesNotContain("13800001111").doesNotContain("someone@example.com");
    }

    @Test
    void shouldRefuseADuplicateEmployeeNumberAndCreateNothing() {
        String code = newGroup();
        Map<String, Object> body = newPersonBody(code, "MEMBER", LocalDate.of(2025, 1, 1));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/staff")
                .then().statusCode(201);
        Map<String, Object> again = new HashMap<>(newPersonBody(code, "MEMBER", LocalDate.of(2025, 1, 1)));
        again.put("employeeNumber", body.get("employeeNumber"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(again).post("/api/v1/staff")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "unique-employee-number"));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?group=" + code).then().body("total", equalTo(1));
    }

    @Test
    void shouldRefuseASecondManagerForAGroup() {
        String code = newGroup();
        long manager = newPerson(code, "MANAGER");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(newPersonBody(code, "MANAGER", LocalDate.of(2025, 2, 1))).post("/api/v1/staff")
                .then().statusCode(409)
                .body("type", equalTo(Problem.TYPE_BASE + "one-manager-per-group"));

        long member = newPerson(code, "MEMBER");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(move(code, "MANAGER", TODAY)).header("If-Match", etag(member))
                .post("/api/v1/staff/" + member + "/moves")
                .then().statusCode(409)
                .body("type", equalTo(Problem.TYPE_BASE + "one-manager-per-group"));
        assertThat(person(member).getString("groupRole")).isEqualTo("MEMBER");
        assertThat(group(code).getLong("managerId")).isEqualTo(manager);
        given().auth().oauth2(ADMIN).get("/api/v1/staff?group=" + code).then().body("total", equalTo(2));
    }

    @Test
    void shouldKeepAManagerActiveUntilTheGroupHasAnotherOne() {
        String code = newGroup();
        long manager = newPerson(code, "MANAGER");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("status", "ON_LEAVE", "since", TODAY.toString()))
                .header("If-Match", etag(manager)).post("/api/v1/staff/" + manager + "/status").then().statusCode(422)
                .body("type", equalTo(Problem.TYPE_BASE + "manager-must-be-active-member"));
        assertThat(person(manager).getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void shouldRefuseAMoveThatWouldPutSomeoneInTwoGroupsAtOnce() {
        String from = newGroup();
        String to = newGroup();
        long id = newPerson(from, "MEMBER", LocalDate.of(2025, 3, 1));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(move(to, "MEMBER", LocalDate.of(2025, 2, 1))).header("If-Match", etag(id))
                .post("/api/v1/staff/" + id + "/moves").then().statusCode(409)
                .body("type", equalTo(Problem.TYPE_BASE + "one-group-at-a-time"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(move(to, "MEMBER", TODAY.plusDays(3))).header("If-Match", etag(id))
                .post("/api/v1/staff/" + id + "/moves").then().statusCode(422)
                .body("type", equalTo(Problem.TYPE_BASE + "no-future-moves"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("groupCode", to, "postCode", "CS-AGENT", "groupRole", "MEMBER",
                        "effectiveFrom", "2025-06-01"))
                .header("If-Match", etag(id)).post("/api/v1/staff/" + id + "/moves").then().statusCode(422)
                .body("type", equalTo(Problem.TYPE_BASE + "post-not-in-group"));
        assertThat(person(id).getList("placements")).hasSize(1);
    }

    @Test
    void shouldAnswerWhereAPersonWasOnADateAfterAMove() {
        String from = newGroup();
        String to = newGroup();
        long id = newPerson(from, "MEMBER", LocalDate.of(2024, 3, 1));
        given().auth().oauth2(DIRECTOR).contentType(ContentType.JSON)
                .body(move(to, "MEMBER", LocalDate.of(2025, 7, 1))).header("If-Match", etag(id))
                .post("/api/v1/staff/" + id + "/moves").then().statusCode(200)
                .body("groupCode", equalTo(to));

        given().auth().oauth2(BI).get("/api/v1/staff/" + id + "?asOf=2025-06-30").then().statusCode(200)
                .body("groupCode", equalTo(from)).body("asOf", equalTo("2025-06-30"));
        given().auth().oauth2(BI).get("/api/v1/staff/" + id + "?asOf=2025-07-01").then()
                .body("groupCode", equalTo(to));
        given().auth().oauth2(BI).get("/api/v1/staff/" + id + "?asOf=2020-01-01").then()
                .body("groupCode", nullValue());
        given().auth().oauth2(BI).get("/api/v1/staff/" + id + "?asOf=yesterday").then().statusCode(400);

        List<JsonNode> events = exactly(2, STAFF_TOPIC, Long.toString(id));
        JsonNode moved = events.get(1).get("data");
        assertThat(moved.get("groupCode").asText()).isEqualTo(to);
        assertThat(moved.get("version").asLong()).isGreaterThan(events.get(0).get("data").get("version").asLong());
        assertThat(moved.get("placements")).hasSize(2);
        assertThat(moved.get("placements").get(0).get("to").asText()).isEqualTo("2025-06-30");
        assertThat(moved.get("placements").get(1).get("from").asText()).isEqualTo("2025-07-01");

        given().auth().oauth2(BI).get("/api/v1/org-chart?asOf=2025-06-30").then().statusCode(200)
                .body("groups.find { it.code == '" + from + "' }.members.id", hasItems((int) id));
        given().auth().oauth2(BI).get("/api/v1/org-chart?asOf=2025-07-01").then()
                .body("groups.find { it.code == '" + to + "' }.members.id", hasItems((int) id))
                .body("groups.find { it.code == '" + from + "' }.members.size()", equalTo(0));
    }

    @Test
    void shouldEndThePlacementWhenSomeoneLeavesAndKeepThemForTheRecord() {
        String code = newGroup();
        long id = newPerson(code, "MEMBER", LocalDate.of(2024, 1, 1));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("status", "LEFT", "since", "2025-10-01"))
                .header("If-Match", etag(id)).post("/api/v1/staff/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("LEFT"))
                .body("placements[0].to", equalTo("2025-09-30"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("status", "ACTIVE", "since", "2025-11-01"))
                .header("If-Match", etag(id)).post("/api/v1/staff/" + id + "/status").then().statusCode(422)
                .body("type", equalTo(Problem.TYPE_BASE + "left-is-final"));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?status=LEFT&group=" + code).then()
                .body("total", equalTo(1));
        exactly(2, STAFF_TOPIC, Long.toString(id));
    }

    @Test
    void shouldShowContactDetailsOnlyToThePersonTheirManagerDirectorsAndAdmins() {
        String code = newGroup();
        long manager = newPerson(code, "MANAGER");
        long member = newPerson(code, "MEMBER");
        String otherGroup = newGroup();
        long otherManager = newPerson(otherGroup, "MANAGER");

        for (String token : List.of(staffToken(member), managerToken(manager), DIRECTOR, ADMIN)) {
            given().auth().oauth2(token).get("/api/v1/staff/" + member).then().statusCode(200)
                    .body("contact.phone", equalTo("13800001111"));
        }
        for (String token : List.of(staffToken(manager), managerToken(otherManager), BI, staffToken(10))) {
            given().auth().oauth2(token).get("/api/v1/staff/" + member).then().statusCode(200)
                    .body("name", notNullValue())
                    .body("contact", nullValue());
        }
        given().auth().oauth2(BI).get("/api/v1/staff?group=" + code).then().statusCode(200)
                .body("items.contact", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    @Test
    void shouldLetOnlyTheGroupsManagerDirectorsAndAdminsSetTheDevelopmentDirection() {
        String code = newGroup();
        long manager = newPerson(code, "MANAGER");
        long member = newPerson(code, "MEMBER");
        String otherGroup = newGroup();
        long otherManager = newPerson(otherGroup, "MANAGER");

        given().auth().oauth2(managerToken(manager)).contentType(ContentType.JSON)
                .body(Map.of("developmentDirection", "Towards team lead"))
                .header("If-Match", etag(member))
                .put("/api/v1/staff/" + member + "/development-direction").then().statusCode(200)
                .body("developmentDirection", equalTo("Towards team lead"));
        given().auth().oauth2(managerToken(otherManager)).contentType(ContentType.JSON)
                .body(Map.of("developmentDirection", "Elsewhere"))
                .header("If-Match", etag(member))
                .put("/api/v1/staff/" + member + "/development-direction").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        for (String token : List.of(staffToken(member), BI)) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("developmentDirection", "Myself"))
                    .header("If-Match", etag(member))
                    .put("/api/v1/staff/" + member + "/development-direction").then().statusCode(403);
        }
        given().auth().oauth2(DIRECTOR).contentType(ContentType.JSON)
                .body(Map.of("developmentDirection", "Director's view"))
                .header("If-Match", etag(member))
                .put("/api/v1/staff/" + member + "/development-direction").then().statusCode(200);
        assertThat(person(member).getString("developmentDirection")).isEqualTo("Director's view");
        exactly(3, STAFF_TOPIC, Long.toString(member));
    }

    @Test
    void shouldRefusePeopleChangesToManagersStaffAndBi() {
        String code = newGroup();
        long manager = newPerson(code, "MANAGER");
        long member = newPerson(code, "MEMBER");
        for (String token : List.of(managerToken(manager), staffToken(member), BI)) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(newPersonBody(code, "MEMBER", LocalDate.of(2025, 1, 1)))
                    .post("/api/v1/staff").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(move(code, "MEMBER", TODAY)).header("If-Match", etag(member))
                    .post("/api/v1/staff/" + member + "/moves").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("status", "ON_LEAVE", "since", TODAY.toString()))
                    .header("If-Match", etag(member))
                    .post("/api/v1/staff/" + member + "/status").then().statusCode(403);
        }
        given().auth().oauth2(ADMIN).get("/api/v1/staff?group=" + code).then().body("total", equalTo(2));
    }

    @Test
    void shouldNameEveryInvalidFieldOfANewPerson() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("employeeNumber", "", "name", "x", "groupCode", "CS", "postCode", "CS-AGENT",
                        "contact", Map.of("email", "not-an-email", "qq", "12")))
                .post("/api/v1/staff").then().statusCode(400)
                .body("errors.field", hasItems("employeeNumber", "groupRole", "hireDate", "contact.email",
                        "contact.qq"));
        given().auth().oauth2(ADMIN).get("/api/v1/staff/987654321").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldFilterSortAndPageTheStaffList() {
        String code = newGroup();
        String otherGroup = newGroup();
        newPerson(code, "MANAGER");
        for (int i = 0; i < 4; i++) {
            newPerson(code, "MEMBER");
        }
        newPerson(otherGroup, "MEMBER");

        given().auth().oauth2(staffToken(10)).get("/api/v1/staff?group=" + code + "&size=2&page=1&sort=name,desc")
                .then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.size()", equalTo(2));
        List<String> names = given().auth().oauth2(ADMIN).get("/api/v1/staff?group=" + code + "&sort=name,desc&size=50")
                .then().extract().jsonPath().getList("items.name", String.class);
        assertThat(names).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        given().auth().oauth2(ADMIN).get("/api/v1/staff?group=" + code + "&role=MANAGER").then()
                .body("total", equalTo(1)).body("items[0].groupRole", equalTo("MANAGER"));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?post=" + code + "-P&status=ACTIVE").then()
                .body("total", equalTo(5));
        String number = given().auth().oauth2(ADMIN).get("/api/v1/staff?group=" + otherGroup).then().extract()
                .jsonPath().getString("items[0].employeeNumber");
        given().auth().oauth2(ADMIN).get("/api/v1/staff?q=" + number.toLowerCase()).then()
                .body("total", equalTo(1)).body("items[0].employeeNumber", equalTo(number));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?q=DEMO_0").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(BI).get("/api/v1/staff?size=1").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(38)).body("items.size()", equalTo(1));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?status=RETIRED").then().statusCode(400)
                .body("errors.field", hasItems("status"));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?sort=salary,asc").then().statusCode(400)
                .body("errors.field", hasItems("sort"));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?size=0").then().statusCode(400);
    }

    @Test
    void shouldLoadTheDemoRosterWithTheDirectorAndACustomerServiceMember() {
        given().auth().oauth2(ADMIN).get("/api/v1/staff/1").then().statusCode(200)
                .body("groupCode", equalTo("OPS")).body("groupRole", equalTo("MANAGER")).body("demo", equalTo(true));
        given().auth().oauth2(ADMIN).get("/api/v1/staff/10").then().statusCode(200)
                .body("groupCode", equalTo("CS")).body("groupRole", equalTo("MEMBER"))
                .body("status", equalTo("ACTIVE")).body("employeeNumber", equalTo("DEMO-010"));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?q=DEMO-&size=100").then().body("total", equalTo(38));
        for (String group : List.of("CS", "PB", "PRODUCT", "DESIGN", "PHOTO", "OPS")) {
            assertThat(group(group).get("managerId") != null).as(group).isTrue();
        }
        given().auth().oauth2(staffToken(10)).get("/api/v1/org-chart").then().statusCode(200)
                .body("groups.find { it.code == 'OPS' }.manager.id", equalTo(1));
    }

    private static Map<String, Object> move(String group, String role, LocalDate from) {
        return Map.of("groupCode", group, "postCode", group + "-P", "groupRole", role,
                "effectiveFrom", from.toString());
    }
}
