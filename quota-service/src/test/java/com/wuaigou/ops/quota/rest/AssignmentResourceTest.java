package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.roster.RosterConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.wuaigou.ops.quota.rest.Fixture.as;
import static com.wuaigou.ops.quota.rest.Fixture.etag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AssignmentResourceTest {

    @Inject
    RosterConsumer roster;

    private Fixture world;
    private String weibo;

    @BeforeEach
    void setUp() {
        world = new Fixture(roster);
        weibo = world.countItem("WEIBO", "2", "4", "DAY");
    }

    @Test
    void shouldShowSharesAgainstTheGroupsNumber() {
        share(world.anna, "1", "2", "2025-03-01", 201);
        long boShare = share(world.bo, "1", "2", "2025-03-01", 201).getLong("id");

        assertThat(allocationOf(weibo, "2025-03-10")).containsEntry("status", "BALANCED")
                .containsEntry("allocatedMin", 2).containsEntry("allocatedMax", 4).containsEntry("assignees", 2);

        as(world.manager, "manager").contentType(ContentType.JSON).body(Map.of("validTo", "2025-03-31"))
                .header("If-Match", etag(0)).post("/api/v1/assignments/" + boShare + "/end").then().statusCode(200).body("validTo", equalTo("2025-03-31"));

        assertThat(allocationOf(weibo, "2025-04-01")).containsEntry("status", "UNDER").containsEntry("allocatedMin", 1);
        share(world.bo, "3", "4", "2025-04-01", 201);
        assertThat(allocationOf(weibo, "2025-04-01")).containsEntry("status", "OVER");
        assertThat(as(world.manager, "manager").get("/api/v1/assignments?staffId=" + world.bo).jsonPath().getList("id"))
                .hasSize(2);
    }

    @Test
    void shouldGiveAWholeItemAsAPrimaryOrFlexibleDuty() {
        String events = world.countItem("EVENTS", "3", "4", "MONTH");
        Map<String, Object> body = Map.of("itemCode", events, "staffId", world.anna, "duty", "FLEXIBLE",
                "validFrom", "2025-03-01", "validTo", "2025-05-31");

        as(world.manager, "manager").contentType(ContentType.JSON).body(body).post("/api/v1/assignments").then()
                .statusCode(201).body("whole", equalTo(true)).body("duty", equalTo("FLEXIBLE"))
                .body("validTo", equalTo("2025-05-31"));
        assertThat(allocationOf(events, "2025-04-01")).containsEntry("status", "BALANCED");
        as(world.anna, "staff").get("/api/v1/assignments?staffId=" + world.anna).then().statusCode(200)
                .body("itemCode", hasItem(events));
    }

    @Test
    void shouldRefuseAnOverlappingAssignmentOfTheSameItem() {
        share(world.anna, "1", "2", "2025-03-01", 201);

        share(world.anna, "1", "1", "2025-06-01", 409);
    }

    @Test
    void shouldRefuseAssignmentsByAnotherGroupsManager() {
        Fixture other = new Fixture(roster);

        as(other.manager, "manager").contentType(ContentType.JSON)
                .body(Map.of("itemCode", weibo, "staffId", world.anna, "duty", "PRIMARY", "validFrom", "2025-03-01"))
                .post("/api/v1/assignments").then().statusCode(403);
        as(world.anna, "staff").contentType(ContentType.JSON)
                .body(Map.of("itemCode", weibo, "staffId", world.anna, "duty", "PRIMARY", "validFrom", "2025-03-01"))
                .post("/api/v1/assignments").then().statusCode(403);
        as(other.manager, "manager").get("/api/v1/assignments/allocation?groupCode=" + world.group).then().statusCode(403);
    }

    @Test
    void shouldRefuseUnknownDepartedOrForeignPeople() {
        Fixture other = new Fixture(roster);
        world.staff(world.bo, world.group, "MEMBER", "LEFT", 2);

        assign(Fixture.nextId(), 422).body("errors.field", hasItem("staffId"));
        assign(world.bo, 422).body("type", equalTo("https://ops.wuaigou.com/problems/staff-left"));
        assign(other.anna, 422).body("type", equalTo("https://ops.wuaigou.com/problems/not-a-member"));
    }

    @Test
    void shouldRefuseASharedOfAnItemWithoutANumber() {
        String tracked = world.item("TRACKED", Map.of("shape", "TRACKED", "unit", "doc"));

        as(world.manager, "manager").contentType(ContentType.JSON)
                .body(Map.of("itemCode", tracked, "staffId", world.anna, "duty", "PRIMARY", "validFrom", "2025-03-01",
                        "shareMin", 1))
                .post("/api/v1/assignments").then().statusCode(422).body("errors.field", hasItem("shareMin"));
    }

    private io.restassured.response.ValidatableResponse assign(long staffId, int status) {
        return as(world.manager, "manager").contentType(ContentType.JSON)
                .body(Map.of("itemCode", weibo, "staffId", staffId, "duty", "PRIMARY", "validFrom", "2025-03-01"))
                .post("/api/v1/assignments").then().statusCode(status).contentType("application/problem+json");
    }

    private JsonPath share(long staffId, String min, String max, String from, int status) {
        Map<String, Object> body = new HashMap<>(Map.of("itemCode", weibo, "staffId", staffId, "duty", "PRIMARY",
                "shareMin", min, "shareMax", max, "validFrom", from));
        return as(world.manager, "manager").contentType(ContentType.JSON).body(body).post("/api/v1/assignments").then()
                .statusCode(status).extract().jsonPath();
    }

    private Map<String, Object> allocationOf(String itemCode, String on) {
        return as(world.manager, "manager").get("/api/v1/assignments/allocation?groupCode=" + world.group + "&on=" + on)
                .then().statusCode(200).extract().jsonPath().getMap("find { it.itemCode == '" + itemCode + "' }");
    }
}
