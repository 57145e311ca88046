package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.roster.RosterConsumer;
import com.wuaigou.ops.quota.domain.DayTotal;
import com.wuaigou.ops.quota.domain.ItemSpec;
import com.wuaigou.ops.quota.domain.LogFact;
import com.wuaigou.ops.quota.domain.SlotCover;
import com.wuaigou.ops.quota.domain.Tallies;
import com.wuaigou.ops.quota.domain.Tally;
import com.wuaigou.ops.quota.service.CatalogService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.wuaigou.ops.quota.rest.Fixture.ADMIN;
import static com.wuaigou.ops.quota.rest.Fixture.DIRECTOR;
import static com.wuaigou.ops.quota.rest.Fixture.as;
import static com.wuaigou.ops.quota.rest.Fixture.etag;
import static com.wuaigou.ops.quota.rest.Fixture.currentETag;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running totals stay equal to a recount of the raw logs after a random mix of everything that touches them, and
 * the last judgement stored for every window agrees with the figures the API reports from them.
 */
@QuarkusTest
class TotalsConsistencyTest {

    private static final LocalDate MARCH = LocalDate.of(2024, 3, 1);

    @Inject
    RosterConsumer roster;
    @Inject
    CatalogService catalog;
    @Inject
    AgroalDataSource dataSource;

    private final Random random = new Random(20240301);
    private final Map<Long, Long> versions = new HashMap<>();
    private final Map<Long, Long> authors = new HashMap<>();

    @Test
    void shouldKeepTotalsEqualToARecountOfTheLogsAfterAnyMixOfChanges() throws SQLException {
        Fixture world = new Fixture(roster);
        List<Long> people = new ArrayList<>(List.of(world.anna, world.bo));
        for (int i = 0; i < 2; i++) {
            long member = Fixture.nextId();
            world.staff(member, world.group, "MEMBER", "ACTIVE", 1);
            people.add(member);
        }
        String count = world.countItem("COUNT", "1", "2", "DAY");
        String pickup = world.item("PICKUP", Map.of("shape", "STANDARD_TIME", "stdMinutes", 90, "crewMin", 2,
                "crewMax", 3, "unit", "trip"));
        String duty = world.item("DUTY", Map.of("shape", "COVERAGE", "targetMin", 1, "period", "DAY", "unit", "person",
                "slots", "AM,PM"));
        String efile = world.item("EFILE", Map.of("shape", "DURATION", "targetMin", 60, "period", "DAY", "unit", "minute"));
        String calls = world.item("CALLS", Map.of("shape", "RATE", "targetMin", 10, "period", "HOUR", "unit", "call"));
        List<String> items = List.of(count, pickup, duty, efile, calls);
        for (String item : items) {
            world.assign(item, people.get(random.nextInt(people.size())), "2024-01-01");
        }

        for (int step = 0; step < 150; step++) {
            int dice = random.nextInt(100);
            if (dice < 55 || versions.isEmpty()) {
                log(items.get(random.nextInt(items.size())), people);
            } else if (dice < 80) {
                correct(people);
            } else if (dice < 85) {
                as(ADMIN, "admin").contentType(ContentType.JSON)
                        .body(Map.of("effectiveFrom", "2099-01-01", "targetMin", 1 + random.nextInt(3)))
                        .header("If-Match", currentETag("/api/v1/quota-items/" + count))
                        .post("/api/v1/quota-items/" + count + "/targets").then().statusCode(200);
            } else if (dice < 92) {
                String day = MARCH.plusDays(random.nextInt(31)).toString();
                if (random.nextBoolean()) {
                    as(ADMIN, "admin").contentType(ContentType.JSON)
                            .body(Map.of("kind", random.nextBoolean() ? "HOLIDAY" : "MAKEUP_WORKDAY"))
                            .put("/api/v1/calendar/days/" + day).then().statusCode(200);
                } else {
                    as(ADMIN, "admin").delete("/api/v1/calendar/days/" + day);
                }
            } else {
                Response locked = as(world.manager, "manager").contentType(ContentType.JSON)
                        .body(Map.of("groupCode", world.group, "window", "MONTH", "date", MARCH.toString()))
                        .post("/api/v1/period-locks").then().statusCode(201).extract().response();
                as(world.anna, "staff").contentType(ContentType.JSON)
                        .body(Map.of("itemCode", count, "workDate", MARCH.toString())).post("/api/v1/work-logs").then()
                        .statusCode(422);
                as(DIRECTOR, "director").contentType(ContentType.JSON).body(Map.of("reason", "recount"))
                        .header("If-Match", locked.header("ETag"))
                        .post("/api/v1/period-locks/" + locked.jsonPath().getLong("id") + "/reopen").then().statusCode(200);
            }
        }

        Map<Long, ItemSpec> specs = new HashMap<>();
        catalog.specs().values().stream().filter(s -> items.contains(s.code())).forEach(s -> specs.put(s.id(), s));
        assertTotalsEqualARecount(specs, people);
        // The migration's recount, which fills the totals of logs stored before them, comes to the same.
        count("select count(*) from (select rebuild_attainment_totals()) rebuilt");
        assertTotalsEqualARecount(specs, people);
        for (long person : people) {
            assertJudgedAsReported(items, "PERSON", Long.toString(person), "/api/v1/attainment/staff/" + person);
        }
        assertJudgedAsReported(items, "GROUP", world.group, "/api/v1/attainment/groups/" + world.group);
    }

    private void assertTotalsEqualARecount(Map<Long, ItemSpec> specs, List<Long> people) throws SQLException {
        List<LogFact> logs = logsOf(specs.keySet());
        assertThat(logs).hasSizeGreaterThan(50);
        for (ItemSpec item : specs.values()) {
            List<LogFact> itemLogs = logs.stream().filter(l -> l.itemId() == item.id()).toList();
            Tally group = Tallies.group(item, itemLogs);
            assertThat(stored("select item_id, work_date, logs, quantity, logged_minutes, credited_minutes from item_day"
                    + " where item_id = ? and logs > 0 order by work_date", item.id(), null))
                    .as("day totals of %s", item.code()).isEqualTo(normalised(group.days()));
            assertThat(storedCovers(item.id())).as("slot covers of %s", item.code())
                    .isEqualTo(new TreeSet<>(group.covers().stream().map(Object::toString).toList()));
            for (long person : people) {
                assertThat(stored("select item_id, work_date, logs, quantity, logged_minutes, credited_minutes"
                        + " from person_item_day where item_id = ? and staff_id = ? and logs > 0 order by work_date", item.id(), person))
                        .as("day totals of %s for %d", item.code(), person)
                        .isEqualTo(normalised(Tallies.person(person, item, itemLogs).days()));
            }
        }
        assertThat(count("select count(*) from item_day where logs = 0 and (quantity <> 0 or logged_minutes <> 0 or credited_minutes <> 0)"))
                .isZero();
    }

    private void log(String item, List<Long> people) {
        long subject = people.get(random.nextInt(people.size()));
        Map<String, Object> body = new HashMap<>(Map.of("itemCode", item, "workDate", MARCH.plusDays(random.nextInt(31)).toString(),
                "quantity", random.nextInt(4)));
        shape(item, body, subject, people);
        ExtractableResponse<Response> answer = as(subject, "staff").contentType(ContentType.JSON).body(body)
                .post("/api/v1/work-logs").then().extract();
        if (answer.statusCode() == 201) {
            versions.put(answer.jsonPath().getLong("id"), answer.jsonPath().getLong("version"));
            authors.put(answer.jsonPath().getLong("id"), subject);
        } else {
            assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(422);
        }
    }

    private void correct(List<Long> people) {
        List<Long> ids = new ArrayList<>(new TreeSet<>(versions.keySet()));
        long id = ids.get(random.nextInt(ids.size()));
        long author = authors.get(id);
        String item = as(author, "staff").get("/api/v1/work-logs/" + id).then().statusCode(200).extract().jsonPath().getString("itemCode");
        Map<String, Object> body = new HashMap<>(Map.of("quantity", random.nextInt(4)));
        if (random.nextBoolean()) {
            body.put("workDate", MARCH.plusDays(random.nextInt(31)).toString());
        }
        shape(item, body, author, people);
        ExtractableResponse<Response> answer = as(author, "staff").contentType(ContentType.JSON)
                .header("If-Match", etag(versions.get(id))).body(body).put("/api/v1/work-logs/" + id).then().extract();
        if (answer.statusCode() == 200) {
            versions.put(id, answer.jsonPath().getLong("version"));
        } else {
            assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(422);
        }
    }

    /** What each item's shape asks of a log: minutes, a slot, a crew of others; joint counts now and then. */
    private void shape(String item, Map<String, Object> body, long subject, List<Long> people) {
        List<Long> others = people.stream().filter(p -> p != subject).toList();
        if (item.endsWith("-PICKUP")) {
            body.put("crew", others.subList(0, 1 + random.nextInt(2)));
        } else if (item.endsWith("-DUTY")) {
            body.put("slot", random.nextBoolean() ? "AM" : "PM");
            if (random.nextInt(3) == 0) {
                body.put("crew", List.of(others.get(random.nextInt(others.size()))));
            }
        } else if (item.endsWith("-EFILE") || item.endsWith("-CALLS")) {
            body.put("minutes", 10 * random.nextInt(13));
        } else if (random.nextInt(4) == 0) {
            body.put("crew", List.of(others.get(random.nextInt(others.size()))));
        }
    }

    /** The last judgement stored for each window of March equals the status the API reports (MET or EXCEEDED is met). */
    private void assertJudgedAsReported(List<String> items, String subjectType, String subjectId, String path)
            throws SQLException {
        Set<String> windows = new TreeSet<>();
        for (LocalDate day = MARCH; day.getMonthValue() == 3; day = day.plusDays(1)) {
            windows.add("DAY " + day);
            windows.add("WEEK " + day.minusDays(day.getDayOfWeek().getValue() - 1L));
            windows.add("MONTH " + MARCH);
        }
        for (String window : windows) {
            String kind = window.split(" ")[0];
            String start = window.split(" ")[1];
            Map<String, String> statuses = new HashMap<>();
            as(ADMIN, "admin").queryParam("window", kind).queryParam("date", start).get(path).then().statusCode(200)
                    .extract().jsonPath().getList("items", Map.class)
                    .forEach(item -> statuses.put((String) item.get("itemCode"), (String) item.get("status")));
            for (String item : items) {
                String status = statuses.get(item);
                boolean met = "MET".equals(status) || "EXCEEDED".equals(status);
                assertThat(storedMet(item, subjectType, subjectId, kind, start))
                        .as("%s %s %s %s (%s)", item, subjectType, subjectId, window, status).isEqualTo(met);
            }
        }
    }

    private List<LogFact> logsOf(Set<Long> itemIds) throws SQLException {
        List<LogFact> logs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                select l.id, l.item_id, l.work_date, l.quantity, l.minutes, l.slot, array_agg(c.staff_id order by c.staff_id)
                from work_log l join work_log_crew c on c.work_log_id = l.id where l.item_id = any(?)
                group by l.id order by l.id""")) {
            statement.setArray(1, connection.createArrayOf("bigint", itemIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object minutes = rows.getObject(5);
                    logs.add(new LogFact(rows.getLong(2), rows.getDate(3).toLocalDate(), rows.getBigDecimal(4),
                            minutes == null ? null : ((Number) minutes).intValue(), rows.getString(6),
                            List.of((Long[]) rows.getArray(7).getArray())));
                }
            }
        }
        return logs;
    }

    private List<DayTotal> stored(String sql, long itemId, Long staffId) throws SQLException {
        List<DayTotal> totals = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, itemId);
            if (staffId != null) {
                statement.setLong(2, staffId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.add(new DayTotal(rows.getLong(1), rows.getDate(2).toLocalDate(), rows.getInt(3),
                            rows.getBigDecimal(4), rows.getLong(5), rows.getLong(6)));
                }
            }
        }
        return normalised(totals);
    }

    private Set<String> storedCovers(long itemId) throws SQLException {
        Set<String> covers = new TreeSet<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select item_id, work_date, slot, staff_id from slot_cover where item_id = ? and logs > 0")) {
            statement.setLong(1, itemId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    covers.add(new SlotCover(rows.getLong(1), rows.getDate(2).toLocalDate(), rows.getString(3),
                            rows.getLong(4)).toString());
                }
            }
        }
        return covers;
    }

    private Boolean storedMet(String itemCode, String subjectType, String subjectId, String window, String start)
            throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                select s.met from attainment_state s join quota_item i on i.id = s.item_id
                where i.code = ? and s.subject_type = ? and s.subject_id = ? and s.window_kind = ? and s.window_start = ?""")) {
            statement.setString(1, itemCode);
            statement.setString(2, subjectType);
            statement.setString(3, subjectId);
            statement.setString(4, window);
            statement.setDate(5, java.sql.Date.valueOf(start));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Totals with logs, by day, quantities compared by value. */
    private static List<DayTotal> normalised(List<DayTotal> totals) {
        Map<LocalDate, DayTotal> byDay = new TreeMap<>();
        totals.stream().filter(t -> t.logs() > 0).forEach(t -> byDay.put(t.day(), new DayTotal(t.itemId(), t.day(),
                t.logs(), t.quantity().stripTrailingZeros().compareTo(BigDecimal.ZERO) == 0 ? BigDecimal.ZERO
                : t.quantity().stripTrailingZeros(), t.loggedMinutes(), t.creditedMinutes())));
        return List.copyOf(byDay.values());
    }
}
