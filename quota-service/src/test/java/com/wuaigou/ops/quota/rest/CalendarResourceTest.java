package com.wuaigou.ops.quota.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.wuaigou.ops.quota.rest.Fixture.ADMIN;
import static com.wuaigou.ops.quota.rest.Fixture.as;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CalendarResourceTest {

    @Test
    void shouldCountHolidaysAndMakeUpWorkingDaysInTheWorkingDays() {
        // October 2024 has 23 weekdays; Tue Oct 1 becomes a holiday, Sat Oct 12 a make-up working day.
        as(ADMIN, "admin").contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY", "name", "国庆节"))
                .put("/api/v1/calendar/days/2024-10-01").then().statusCode(200).body("working", equalTo(false));
        as(ADMIN, "admin").contentType(ContentType.JSON).body(Map.of("kind", "MAKEUP_WORKDAY", "name", "调休"))
                .put("/api/v1/calendar/days/2024-10-12").then().statusCode(200).body("working", equalTo(true));

        as(10, "staff").get("/api/v1/calendar?from=2024-10-01&to=2024-10-31").then().statusCode(200)
                .body("zone", equalTo("Asia/Shanghai"))
                .body("workingDays", equalTo(23))
                .body("days[0].kind", equalTo("HOLIDAY"))
                .body("days[0].name", equalTo("国庆节"))
                .body("days[11].kind", equalTo("MAKEUP_WORKDAY"))
                .body("days[12].kind", equalTo("REST_DAY"));
        as(10, "staff").get("/api/v1/calendar/window?kind=WEEK&date=2024-10-09").then().statusCode(200)
                .body("start", equalTo("2024-10-07")).body("end", equalTo("2024-10-13")).body("workingDays", equalTo(6));
    }

    @Test
    void shouldFindTheIsoWeekAcrossAYearEnd() {
        as(10, "staff").get("/api/v1/calendar/window?kind=WEEK&date=2024-12-31").then().statusCode(200)
                .body("start", equalTo("2024-12-30")).body("end", equalTo("2025-01-05"));
        as(10, "staff").get("/api/v1/calendar?from=2024-12-31&to=2024-12-31").then()
                .body("days[0].isoWeekYear", equalTo(2025)).body("days[0].isoWeek", equalTo(1));
    }

    @Test
    void shouldLetOnlyDirectorsAndAdminsChangeTheCalendar() {
        as(10, "staff").contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY"))
                .put("/api/v1/calendar/days/2024-11-01").then().statusCode(403);
        as(5, "manager").contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY"))
                .put("/api/v1/calendar/days/2024-11-01").then().statusCode(403);
    }

    @Test
    void shouldRefuseAKindThatIsNotAnException() {
        as(ADMIN, "admin").contentType(ContentType.JSON).body(Map.of("kind", "WORKDAY"))
                .put("/api/v1/calendar/days/2024-11-04").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void shouldRemoveAnExceptionSoTheDayCountsByItsWeekdayAgain() {
        as(ADMIN, "admin").contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY"))
                .put("/api/v1/calendar/days/2024-11-05").then().statusCode(200);
        as(ADMIN, "admin").delete("/api/v1/calendar/days/2024-11-05").then().statusCode(204);

        as(10, "staff").get("/api/v1/calendar?from=2024-11-05&to=2024-11-05").then().body("days[0].kind", equalTo("WORKDAY"));
        as(ADMIN, "admin").delete("/api/v1/calendar/days/2024-11-05").then().statusCode(404);
    }
}
