package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.roster.RosterConsumer;
import com.wuaigou.ops.local.ConcurrencyConvention;
import com.wuaigou.ops.local.PinnedClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

import static com.wuaigou.ops.quota.rest.Fixture.ADMIN;
import static com.wuaigou.ops.quota.rest.Fixture.as;

/**
 * Every versioned resource of quota-service follows the one convention: a read carries the version as a strong ETag;
 * a change without If-Match is refused with 428, with a stale one with 412 naming the current ETag, and changes
 * nothing either way; a change with the current ETag applies and answers with the next one.
 */
@QuarkusTest
class ConcurrencyConventionTest {

    private static final LocalDate TOMORROW = PinnedClock.today().plusDays(1);

    @Inject
    RosterConsumer roster;

    private static RequestSpecification admin() {
        return as(ADMIN, "admin").contentType(ContentType.JSON);
    }

    @Test
    void shouldDescribeAnItemOnlyAtTheVersionRead() {
        String code = new Fixture(roster).countItem("DESCRIBED", "1", "1", "DAY");
        followsTheConvention("/api/v1/quota-items/" + code, "Item " + code, request -> request
                .body(Map.of("category", "other", "nameZh", "改名", "nameEn", "Renamed", "unit", "call"))
                .put("/api/v1/quota-items/" + code));
    }

    @Test
    void shouldChangeAnItemsNumberOnlyAtTheVersionRead() {
        String code = new Fixture(roster).countItem("RETARGETED", "1", "1", "DAY");
        followsTheConvention("/api/v1/quota-items/" + code, "Item " + code, request -> request
                .body(Map.of("effectiveFrom", TOMORROW.toString(), "targetMin", 2))
                .post("/api/v1/quota-items/" + code + "/targets"));
    }

    @Test
    void shouldRetireAnItemOnlyAtTheVersionRead() {
        String code = new Fixture(roster).countItem("RETIRED", "1", "1", "DAY");
        followsTheConvention("/api/v1/quota-items/" + code, "Item " + code, request -> request
                .body(Map.of("retiredOn", TOMORROW.toString())).post("/api/v1/quota-items/" + code + "/retire"));
    }

    @Test
    void shouldEndAnAssignmentOnlyAtTheVersionRead() {
        Fixture world = new Fixture(roster);
        long id = world.assign(world.countItem("ENDED", "1", "1", "DAY"), world.anna, "2025-01-01");
        followsTheConvention("/api/v1/assignments/" + id, "Assignment " + id, request -> request
                .body(Map.of("validTo", "2025-06-30")).post("/api/v1/assignments/" + id + "/end"));
    }

    @Test
    void shouldReopenAPeriodLockOnlyAtTheVersionRead() {
        Fixture world = new Fixture(roster);
        long id = as(world.manager, "manager").contentType(ContentType.JSON)
                .body(Map.of("groupCode", world.group, "window", "DAY", "date", "2025-01-15"))
                .post("/api/v1/period-locks").then().statusCode(201).header("ETag", "\"0\"")
                .extract().jsonPath().getLong("id");
        followsTheConvention("/api/v1/period-locks/" + id, "Lock " + id, request -> request
                .body(Map.of("reason", "Recount")).post("/api/v1/period-locks/" + id + "/reopen"));
    }

    @Test
    void shouldCorrectAWorkLogOnlyAtTheVersionRead() {
        Fixture world = new Fixture(roster);
        long id = world.log(world.anna, world.countItem("CORRECTED", "1", "1", "DAY"), "2025-02-04", 1);
        followsTheConvention("/api/v1/work-logs/" + id, "Work log " + id, request -> request
                .body(Map.of("quantity", 3, "reason", "Recount")).put("/api/v1/work-logs/" + id));
    }

    private static void followsTheConvention(String resource, String name, Function<RequestSpecification, Response> change) {
        ConcurrencyConvention.assertFollowed(ConcurrencyConventionTest::admin, resource, name, change);
    }
}
