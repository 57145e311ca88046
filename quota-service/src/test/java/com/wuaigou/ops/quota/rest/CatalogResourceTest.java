package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.roster.RosterConsumer;
import com.wuaigou.ops.local.PinnedClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.wuaigou.ops.quota.rest.Fixture.ADMIN;
import static com.wuaigou.ops.quota.rest.Fixture.as;
import static com.wuaigou.ops.quota.rest.Fixture.currentETag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CatalogResourceTest {

    private static final String HEADER = "group,code,category,name_zh,name_en,shape,target_min,target_max,unit,period,std_minutes,crew_min,crew_max,slots,notes";

    @Inject
    RosterConsumer roster;

    private Fixture world;

    @BeforeEach
    void setUp() {
        world = new Fixture(roster);
    }

    @Test
    void shouldSeedEveryRowOfThePlanCatalogWithEveryColumn() throws IOException {
        JsonPath items = as(10, "staff").get("/api/v1/quota-items?includeRetired=true").then().statusCode(200)
                .extract().jsonPath();

        List<String> codes = items.getList("code");
        assertThat(codes).containsAll(seedCodes());
        Map<String, Object> training = items.getMap("find { it.code == 'CS-TRAINING' }");
        assertThat(training).containsEntry("groupCode", "CS").containsEntry("category", "onboarding")
                .containsEntry("nameZh", "后台培训").containsEntry("shape", "STANDARD_TIME").containsEntry("unit", "session")
                .containsEntry("stdMinutes", 90).containsEntry("crewMin", 3).containsEntry("crewMax", 4)
                .containsEntry("notes", "30 min preparation + 60 min training");
        Map<String, Object> weibo = items.getMap("find { it.code == 'PB-SINA-WEIBO' }");
        assertThat(weibo).containsEntry("targetMin", 2).containsEntry("targetMax", 4).containsEntry("period", "DAY");
        assertThat(items.getString("find { it.code == 'CS-STORE-DUTY' }.slots")).isEqualTo("AM;PM");
        assertThat(items.getFloat("find { it.code == 'DESIGN-PAGE' }.targetMin")).isEqualTo(0.5f);
    }

    private List<String> seedCodes() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/quota-catalog.csv")) {
            List<String> codes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split(",")[1]).toList();
            assertThat(codes).hasSize(84);
            return codes;
        }
    }

    @Test
    void shouldKeepPastNumbersWhenATargetChangesFromADate() {
        String code = world.countItem("DAILY", "1", "1", "DAY");
        LocalDate today = PinnedClock.today();
        LocalDate tomorrow = today.plusDays(1);

        as(world.manager, "manager").contentType(ContentType.JSON)
                .body(Map.of("effectiveFrom", tomorrow.toString(), "targetMin", 2, "targetMax", 3))
                .header("If-Match", currentETag("/api/v1/quota-items/" + code))
                .post("/api/v1/quota-items/" + code + "/targets").then().statusCode(200);

        as(10, "staff").get("/api/v1/quota-items/" + code + "?on=" + today).then().statusCode(200)
                .body("targetMin", equalTo(1)).body("targets.size()", equalTo(2));
        as(10, "staff").get("/api/v1/quota-items/" + code + "?on=" + tomorrow).then().statusCode(200)
                .body("targetMin", equalTo(2)).body("targetMax", equalTo(3));
    }

    @Test
    void shouldRefuseATargetChangeThatWouldRewriteAPastPeriod() {
        String code = world.countItem("PAST", "1", "1", "DAY");

        as(ADMIN, "admin").contentType(ContentType.JSON)
                .body(Map.of("effectiveFrom", "2025-01-01", "targetMin", 5))
                .header("If-Match", currentETag("/api/v1/quota-items/" + code))
                .post("/api/v1/quota-items/" + code + "/targets").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("effectiveFrom"));
        as(10, "staff").get("/api/v1/quota-items/" + code + "?on=2025-06-01").then().body("targetMin", equalTo(1));
    }

    @Test
    void shouldRetireAnItemWithoutDeletingIt() {
        String code = world.countItem("OLD", "1", "1", "DAY");
        String etag = as(10, "staff").get("/api/v1/quota-items/" + code).then().extract().header("ETag");

        as(world.manager, "manager").contentType(ContentType.JSON).body(Map.of()).header("If-Match", etag)
                .post("/api/v1/quota-items/" + code + "/retire").then().statusCode(200).body("retiredOn", equalTo(
                        PinnedClock.today().toString()));

        assertThat(as(10, "staff").get("/api/v1/quota-items?groupCode=" + world.group).jsonPath().getList("code")).doesNotContain(code);
        assertThat(as(10, "staff").get("/api/v1/quota-items?includeRetired=true&groupCode=" + world.group).jsonPath()
                .getList("code")).contains(code);
        as(world.manager, "manager").contentType(ContentType.JSON).body(Map.of())
                .header("If-Match", currentETag("/api/v1/quota-items/" + code))
                .post("/api/v1/quota-items/" + code + "/retire").then().statusCode(409);
    }

    @Test
    void shouldImportTheCsvAllOrNothingNamingEachBadRow() {
        String good = world.group + "-IMPORTED";
        String csv = HEADER + "\n"
                + world.group + "," + good + ",test,导入,Imported,COUNT,3,5,post,WEEK,,,,,\n"
                + world.group + "," + world.group + "-BROKEN,test,坏,Broken,COVERAGE,1,,person,DAY,,,,,\n";

        as(ADMIN, "admin").contentType("text/csv").body(csv).post("/api/v1/quota-items/import").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("row 2, column slots"));
        as(10, "staff").get("/api/v1/quota-items/" + good).then().statusCode(404);

        String fixed = csv.replace("person,DAY,,,,,", "person,DAY,,,,AM;PM,");
        as(ADMIN, "admin").contentType("text/csv").body(fixed).post("/api/v1/quota-items/import").then().statusCode(200)
                .body("created", equalTo(2));
        as(ADMIN, "admin").contentType("text/csv").body(fixed).post("/api/v1/quota-items/import").then().statusCode(200)
                .body("created", equalTo(0));
        as(10, "staff").get("/api/v1/quota-items/" + good).then().statusCode(200)
                .body("targetMin", equalTo(3)).body("targetMax", equalTo(5)).body("period", equalTo("WEEK"));
    }

    @Test
    void shouldRefuseAFileWithAnUnclosedQuoteAsMalformedAndImportNothing() {
        String good = world.group + "-BEFORE-QUOTE";
        String csv = "\uFEFF" + HEADER + "\r\n"
                + world.group + "," + good + ",test,导入,Imported,COUNT,3,5,post,WEEK,,,,,\r\n"
                + world.group + "," + world.group + "-QUOTED,test,引号,Quoted,COUNT,1,,post,DAY,,,,,\"never closed\r\n";

        as(ADMIN, "admin").contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/quota-items/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ops.wuaigou.com/problems/malformed-csv"))
                .body("errors.field", contains("row 2, column notes"));
        as(10, "staff").get("/api/v1/quota-items/" + good).then().statusCode(404);
    }

    @Test
    void shouldLetOnlyTheGroupsManagerOrTheDepartmentChangeItsCatalog() {
        String code = world.countItem("MINE", "1", "1", "DAY");
        Fixture other = new Fixture(roster);
        Map<String, Object> change = Map.of("effectiveFrom", PinnedClock.today().plusDays(3).toString(),
                "targetMin", 2);

        String etag = currentETag("/api/v1/quota-items/" + code);

        as(other.manager, "manager").contentType(ContentType.JSON).body(change).header("If-Match", etag)
                .post("/api/v1/quota-items/" + code + "/targets").then().statusCode(403);
        as(world.anna, "staff").contentType(ContentType.JSON).body(change).header("If-Match", etag)
                .post("/api/v1/quota-items/" + code + "/targets").then().statusCode(403);
        as(10, "bi").contentType("text/csv").body(HEADER).post("/api/v1/quota-items/import").then().statusCode(403);
    }

    @Test
    void shouldRefuseAnItemThatBreaksItsShapesRules() {
        Map<String, Object> rate = Map.of("groupCode", world.group, "code", world.group + "-RATE", "category", "t",
                "nameZh", "率", "nameEn", "Rate", "shape", "RATE", "unit", "item", "period", "DAY");

        as(ADMIN, "admin").contentType(ContentType.JSON).body(rate).post("/api/v1/quota-items").then().statusCode(422)
                .body("errors.field", hasItem("targetMin")).body("errors.field", hasItem("period"));
    }

    @Test
    void shouldAnswerUnknownItemsWithNotFound() {
        as(10, "staff").get("/api/v1/quota-items/NO-SUCH-ITEM").then().statusCode(404).contentType("application/problem+json");
    }
}
