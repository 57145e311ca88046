package com.wuaigou.ops.personnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.wuaigou.ops.common.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.wuaigou.ops.personnel.TestRoster.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class ShiftResourceTest {

    /** A week of its own for each test, far from the others, since slots are shared by the whole database. */
    private static LocalDate someMonday() {
        return LocalDate.of(2030, 1, 7).plusWeeks(ThreadLocalRandom.current().nextInt(0, 20_000));
    }

    private static Map<String, Object> shift(LocalDate date, String place, String slot, long staffId) {
        return Map.of("date", date.toString(), "place", place, "slot", slot, "staffId", staffId);
    }

    @Test
    void shouldScheduleAStoreShiftWithItsSlotTimesAndPublishOneEvent() {
        String code = newGroup();
        long member = newPerson(code, "MEMBER");
        LocalDate monday = someMonday();

        JsonPath created = given().auth().oauth2(DIRECTOR).contentType(ContentType.JSON)
                .body(shift(monday, "OFFLINE_STORE", "AM", member)).post("/api/v1/shifts")
                .then().statusCode(201)
                .body("start", equalTo("08:00")).body("end", equalTo("12:00")).body("status", equalTo("SCHEDULED"))
                .extract().jsonPath();

        JsonNode data = exactly(1, SHIFT_TOPIC, created.getString("id")).get(0).get("data");
        assertThat(data.get("date").asText()).isEqualTo(monday.toString());
        assertThat(data.get("slot").asText()).isEqualTo("AM");
        assertThat(data.get("start").asText()).isEqualTo("08:00");
        assertThat(data.get("end").asText()).isEqualTo("12:00");
        assertThat(data.get("place").asText()).isEqualTo("OFFLINE_STORE");
        assertThat(data.get("staffId").asLong()).isEqualTo(member);
        assertThat(data.get("status").asText()).isEqualTo("SCHEDULED");
    }

    @Test
    void shouldRefuseOverlappingShiftsForOnePerson() {
        String code = newGroup();
        long member = newPerson(code, "MEMBER");
        LocalDate monday = someMonday();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(shift(monday, "OFFLINE_STORE", "PM", member))
                .post("/api/v1/shifts").then().statusCode(201);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(shift(monday, "HOTLINE", "DAY", member))
                .post("/api/v1/shifts").then().statusCode(409)
                .body("type", equalTo(Problem.TYPE_BASE + "no-overlapping-shifts"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(shift(monday, "OFFLINE_STORE", "AM", member))
                .post("/api/v1/shifts").then().statusCode(201);
    }

    @Test
    void shouldRefuseASecondPersonInAOnePersonSlotUntilTheFirstIsCancelled() {
        String code = newGroup();
        long first = newPerson(code, "MEMBER");
        long second = newPerson(code, "MEMBER");
        LocalDate monday = someMonday();
        JsonPath taken = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(shift(monday, "HOTLINE", "DAY", first)).post("/api/v1/shifts").then().statusCode(201)
                .extract().jsonPath();

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(shift(monday, "HOTLINE", "DAY", second))
                .post("/api/v1/shifts").then().statusCode(409)
                .body("type", equalTo(Problem.TYPE_BASE + "slot-capacity"));

        given().auth().oauth2(ADMIN).header("If-Match", "\"" + taken.getLong("version") + "\"")
                .post("/api/v1/shifts/" + taken.getLong("id") + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(shift(monday, "HOTLINE", "DAY", second))
                .post("/api/v1/shifts").then().statusCode(201);
        List<JsonNode> events = exactly(2, SHIFT_TOPIC, taken.getString("id"));
        assertThat(events.get(1).get("data").get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void shouldScheduleAWeeksRotaInOneRequestAndShowItsGaps() {
        String code = newGroup();
        long a = newPerson(code, "MEMBER");
        long b = newPerson(code, "MEMBER");
        LocalDate monday = someMonday();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("weekStart", monday.toString(), "shifts", List.of(
                        shift(monday, "OFFLINE_STORE", "AM", a),
                        shift(monday, "OFFLINE_STORE", "PM", b),
                        shift(monday.plusDays(1), "HOTLINE", "DAY", a))))
                .post("/api/v1/shifts/rota").then().statusCode(201)
                .body("shifts.size()", equalTo(3))
                .body("gaps.size()", equalTo(7 * 3 - 3));

        JsonPath week = given().auth().oauth2(staffToken(10)).get("/api/v1/shifts?weekStart=" + monday)
                .then().statusCode(200).extract().jsonPath();
        assertThat(week.getList("gaps.findAll { it.date == '" + monday + "' }.slot", String.class))
                .containsExactly("DAY");
        assertThat(week.getInt("gaps.find { it.date == '" + monday + "' }.missing")).isEqualTo(1);
        given().auth().oauth2(ADMIN).get("/api/v1/shifts?weekStart=" + monday.plusDays(1)).then().statusCode(400)
                .body("errors.field", hasItems("weekStart"));
    }

    @Test
    void shouldScheduleNothingOfARotaWithOneBadShift() {
        String code = newGroup();
        long a = newPerson(code, "MEMBER");
        long b = newPerson(code, "MEMBER");
        LocalDate monday = someMonday();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("weekStart", monday.toString(), "shifts", List.of(
                        shift(monday, "OFFLINE_STORE", "AM", a),
                        shift(monday, "OFFLINE_STORE", "AM", b))))
                .post("/api/v1/shifts/rota").then().statusCode(409)
                .body("type", equalTo(Problem.TYPE_BASE + "slot-capacity"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("weekStart", monday.toString(), "shifts", List.of(
                        shift(monday, "OFFLINE_STORE", "AM", a),
                        shift(monday.plusDays(7), "OFFLINE_STORE", "AM", b))))
                .post("/api/v1/shifts/rota").then().statusCode(422)
                .body("type", equalTo(Problem.TYPE_BASE + "shift-in-week"))
                .body("errors.field", hasItems("shifts[1].date"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("weekStart", monday.toString(), "shifts", List.of(shift(monday, "HOTLINE", "AM", a))))
                .post("/api/v1/shifts/rota").then().statusCode(400)
                .body("errors.field", hasItems("shifts[0].slot"));
        given().auth().oauth2(ADMIN).get("/api/v1/shifts?weekStart=" + monday).then()
                .body("shifts.size()", equalTo(0));
    }

    @Test
    void shouldLetAManagerScheduleOnlyTheirOwnGroupAndRefuseStaffAndBi() {
        String code = newGroup();
        long manager = newPerson(code, "MANAGER");
        long member = newPerson(code, "MEMBER");
        String other = newGroup();
        long outsider = newPerson(other, "MEMBER");
        LocalDate monday = someMonday();

        given().auth().oauth2(managerToken(manager)).contentType(ContentType.JSON)
                .body(shift(monday, "OFFLINE_STORE", "AM", member)).post("/api/v1/shifts").then().statusCode(201);
        given().auth().oauth2(managerToken(manager)).contentType(ContentType.JSON)
                .body(shift(monday, "OFFLINE_STORE", "PM", outsider)).post("/api/v1/shifts").then().statusCode(403);
        for (String token : List.of(staffToken(member), BI)) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(shift(monday, "HOTLINE", "DAY", outsider)).post("/api/v1/shifts").then().statusCode(403);
        }
        given().auth().oauth2(BI).get("/api/v1/shifts?weekStart=" + monday).then().statusCode(200)
                .body("shifts.size()", equalTo(1));
    }

    @Test
    void shouldRefuseAShiftForSomeoneNotActive() {
        String code = newGroup();
        long member = newPerson(code, "MEMBER");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag(member))
                .body(Map.of("status", "ON_LEAVE", "since", "2025-06-01"))
                .post("/api/v1/staff/" + member + "/status").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(shift(someMonday(), "HOTLINE", "DAY", member)).post("/api/v1/shifts").then().statusCode(422)
                .body("type", equalTo(Problem.TYPE_BASE + "shift-needs-active-staff"));
    }
}
