package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.roster.RosterConsumer;
import com.wuaigou.ops.local.DevTokens;
import com.wuaigou.ops.local.LocalInfraTestResource;
import com.wuaigou.ops.local.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/**
 * Builds a small world per test: a fresh group with a manager and members, fed through the roster consumer exactly as
 * personnel-service's events would, and items of that group. Ids and codes are unique, since tests share a database.
 */
final class Fixture {

    static final long ADMIN = 9000;
    static final long DIRECTOR = 1;
    private static final AtomicLong NEXT_ID = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000));

    final String group;
    final long manager;
    final long anna;
    final long bo;
    private final RosterConsumer roster;

    Fixture(RosterConsumer roster) {
        this.roster = roster;
        this.group = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        this.manager = nextId();
        this.anna = nextId();
        this.bo = nextId();
        staff(manager, group, "MANAGER", "ACTIVE", 1);
        staff(anna, group, "MEMBER", "ACTIVE", 1);
        staff(bo, group, "MEMBER", "ACTIVE", 1);
        roster.onGroup(groupEvent(group, manager, 1));
    }

    static long nextId() {
        return NEXT_ID.incrementAndGet();
    }

    /** A staff snapshot event, applied through the consumer; placed in the group since 2020. */
    void staff(long id, String groupCode, String role, String status, long version) {
        roster.onStaff(staffEvent(id, groupCode, role, status, version));
    }

    static String staffEvent(long id, String groupCode, String role, String status, long version) {
        return envelope("ops.personnel.staff.changed.v1", "staff/" + id, """
                {"id":%d,"employeeNumber":"T-%d","name":"Person %d","groupCode":"%s","postCode":"%s-POST",
                 "groupRole":"%s","status":"%s","statusSince":"2020-01-01","hireDate":"2020-01-01","developmentDirection":null,
                 "placements":[{"groupCode":"%s","postCode":"%s-POST","groupRole":"%s","from":"2020-01-01","to":null}],
                 "version":%d}""".formatted(id, id, id, groupCode, groupCode, role, status, groupCode, groupCode, role, version));
    }

    static String groupEvent(String code, long managerId, long version) {
        return envelope("ops.personnel.group.changed.v1", "group/" + code, """
                {"code":"%s","nameZh":"测试组","nameEn":"Test group","core":true,"managerId":%d,"version":%d}"""
                .formatted(code, managerId, version));
    }

    static String envelope(String type, String subject, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/ops/personnel-service","type":"%s","subject":"%s",
                 "time":"2026-01-01T00:00:00Z","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, subject, data);
    }

    /** Creates a COUNT item of this group as admin, its number in force since 2020. */
    String countItem(String suffix, String low, String high, String period) {
        return item(suffix, Map.of("shape", "COUNT", "targetMin", low, "targetMax", high, "period", period, "unit", "post"));
    }

    String item(String suffix, Map<String, Object> shapeFields) {
        String code = group + "-" + suffix;
        Map<String, Object> body = new HashMap<>(Map.of("groupCode", group, "code", code, "category", "test",
                "nameZh", "测试", "nameEn", "Test " + suffix, "effectiveFrom", "2020-01-01"));
        body.putAll(shapeFields);
        as(ADMIN, "admin").contentType(ContentType.JSON).body(body).post("/api/v1/quota-items").then().statusCode(201);
        return code;
    }

    long assign(String itemCode, long staffId, String from) {
        return assign(itemCode, staffId, from, "PRIMARY");
    }

    long assign(String itemCode, long staffId, String from, String duty) {
        return as(manager, "manager").contentType(ContentType.JSON)
                .body(Map.of("itemCode", itemCode, "staffId", staffId, "duty", duty, "validFrom", from))
                .post("/api/v1/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long log(long staffId, String itemCode, String date, int quantity) {
        return as(staffId, "staff").contentType(ContentType.JSON)
                .body(Map.of("itemCode", itemCode, "workDate", date, "quantity", quantity))
                .post("/api/v1/work-logs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static RequestSpecification as(long staffId, String... roles) {
        return given().auth().oauth2(DevTokens.mint(staffId, roles));
    }

    /** The ETag of a version, as a client sends back what it read. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The ETag of {@code path} as an admin reads it now, for the If-Match of a change that means to apply to it. */
    static String currentETag(String path) {
        return as(ADMIN, "admin").get(path).then().statusCode(200).extract().header("ETag");
    }

    static TopicProbe topics() {
        return new TopicProbe(LocalInfraTestResource.kafka().bootstrapServers());
    }
}
