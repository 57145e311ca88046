package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.roster.RosterConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wuaigou.ops.quota.rest.Fixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** June 2025 has 21 working days (Mon Jun 2 to Mon Jun 30); no holidays are stored for it. */
@QuarkusTest
class AttainmentResourceTest {

    @Inject
    RosterConsumer roster;

    private Fixture world;
    private String daily;

    @BeforeEach
    void setUp() {
        world = new Fixture(roster);
        daily = world.countItem("DAILY", "1", "1", "DAY");
        world.assign(daily, world.anna, "2025-06-01");
    }

    @Test
    void shouldReportAPersonsMonthAgainstTheWorkingDays() {
        world.log(world.anna, daily, "2025-06-02", 10);
        world.log(world.anna, daily, "2025-06-03", 11);

        Map<String, Object> item = personItem(world.anna, world.anna, "staff", "MONTH", "2025-06-15", daily);

        assertThat(item).containsEntry("targetMin", 21).containsEntry("done", 21).containsEntry("status", "MET")
                .containsEntry("planned", true);
        as(world.anna, "staff").get("/api/v1/attainment/staff/" + world.anna + "?window=MONTH&date=2025-06-15").then()
                .body("workingDays", equalTo(21)).body("start", equalTo("2025-06-01")).body("end", equalTo("2025-06-30"));
    }

    @Test
    void shouldReportAShortDayAndAnExceededDay() {
        world.log(world.anna, daily, "2025-06-04", 2);

        assertThat(personItem(world.anna, world.anna, "staff", "DAY", "2025-06-04", daily))
                .containsEntry("status", "EXCEEDED").containsEntry("ratio", 2);
        assertThat(personItem(world.anna, world.anna, "staff", "DAY", "2025-06-05", daily))
                .containsEntry("status", "SHORT").containsEntry("done", 0);
    }

    @Test
    void shouldSplitAWeeklyNumberOfAWeekCrossingTheMonthEnd() {
        String forum = world.countItem("FORUM", "10", "10", "WEEK");

        // Four full weeks plus Mon Jun 30, one fifth of the week to Sun Jul 6.
        assertThat(groupItem("MONTH", "2025-06-15", forum)).containsEntry("targetMin", 42);
        assertThat(groupItem("WEEK", "2025-07-01", forum)).containsEntry("targetMin", 10);
    }

    @Test
    void shouldCreditACrewAndCountTheUnitOnceForTheGroup() {
        String pickup = world.item("PICKUP", Map.of("shape", "STANDARD_TIME", "stdMinutes", 90, "crewMin", 2,
                "crewMax", 2, "unit", "trip"));
        as(world.anna, "staff").contentType(ContentType.JSON)
                .body(Map.of("itemCode", pickup, "workDate", "2025-06-04", "quantity", 2, "crew", List.of(world.bo)))
                .post("/api/v1/work-logs").then().statusCode(201);

        JsonPath bo = as(world.bo, "staff").get("/api/v1/attainment/staff/" + world.bo + "?window=DAY&date=2025-06-04")
                .then().statusCode(200).extract().jsonPath();
        assertThat(bo.getMap("items.find { it.itemCode == '" + pickup + "' }")).containsEntry("creditedMinutes", 180)
                .containsEntry("status", "NO_TARGET").containsEntry("planned", false);
        assertThat(bo.getInt("workload[0].minutes")).isEqualTo(180);
        assertThat(bo.getInt("workload[0].dayMinutes")).isEqualTo(480);
        assertThat(groupItem("DAY", "2025-06-04", pickup)).containsEntry("done", 2).containsEntry("creditedMinutes", 360);
    }

    @Test
    void shouldShowTheGroupsNumberAgainstAllMembersWork() {
        world.log(world.anna, daily, "2025-06-10", 1);
        world.log(world.bo, daily, "2025-06-10", 1);

        assertThat(groupItem("DAY", "2025-06-10", daily)).containsEntry("targetMin", 1).containsEntry("done", 2)
                .containsEntry("status", "EXCEEDED");
        as(world.manager, "manager").get("/api/v1/attainment/groups/" + world.group + "?window=DAY&date=2025-06-10")
                .then().statusCode(200).body("members.staffId.size()", equalTo(3));
    }

    @Test
    void shouldLetStaffReadOnlyTheirOwnFigures() {
        Fixture other = new Fixture(roster);
        String path = "/api/v1/attainment/staff/" + world.anna + "?window=WEEK&date=2025-06-10";

        as(world.anna, "staff").get(path).then().statusCode(200);
        as(world.bo, "staff").get(path).then().statusCode(403);
        as(world.manager, "manager").get(path).then().statusCode(200);
        as(other.manager, "manager").get(path).then().statusCode(403);
        as(10, "bi").get(path).then().statusCode(200);
        as(world.anna, "staff").get("/api/v1/attainment/groups/" + world.group).then().statusCode(403);
        as(other.manager, "manager").get("/api/v1/attainment/groups/" + world.group).then().statusCode(403);
        as(world.manager, "manager").get("/api/v1/attainment/department").then().statusCode(403);
    }

    @Test
    void shouldReportEveryGroupOfTheDepartment() {
        JsonPath department = as(Fixture.DIRECTOR, "director").get("/api/v1/attainment/department?window=WEEK&date=2025-06-10")
                .then().statusCode(200).extract().jsonPath();

        assertThat(department.getList("groupCode", String.class)).contains("CS", "PB", "PRODUCT", "DESIGN", world.group);
    }

    @Test
    void shouldAnswerUnknownPeopleWithNotFound() {
        as(Fixture.ADMIN, "admin").get("/api/v1/attainment/staff/" + Fixture.nextId()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private Map<String, Object> personItem(long staffId, long caller, String role, String window, String date, String code) {
        return as(caller, role).get("/api/v1/attainment/staff/" + staffId + "?window=" + window + "&date=" + date)
                .then().statusCode(200).extract().jsonPath().getMap("items.find { it.itemCode == '" + code + "' }");
    }

    private Map<String, Object> groupItem(String window, String date, String code) {
        return as(world.manager, "manager").get("/api/v1/attainment/groups/" + world.group + "?window=" + window + "&date=" + date)
                .then().statusCode(200).extract().jsonPath().getMap("items.find { it.itemCode == '" + code + "' }");
    }
}
