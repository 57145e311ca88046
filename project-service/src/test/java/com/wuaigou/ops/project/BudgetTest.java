package com.wuaigou.ops.project;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.wuaigou.ops.project.Api.PROJECTS;
import static com.wuaigou.ops.project.Api.lead;
import static com.wuaigou.ops.project.Api.manager;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class BudgetTest {

    @Test
    void shouldReportPlannedSpentAndRemainingPerLineInTotalAndPerMonth() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        long ads = started[1];
        long prizes = Api.addLine(team, id, "prizes", "500.50");
        expense(team, id, ads, "300.25", "2026-10-30");
        expense(team, id, ads, "199.75", "2026-11-02");
        expense(team, id, prizes, "100.00", "2026-11-15");

        Api.director().get(PROJECTS + "/" + id + "/budget").then().statusCode(200)
                .body("currency", equalTo("CNY"))
                .body("lines[0].planned", equalTo(1000.0f))
                .body("lines[0].spent", equalTo(500.0f))
                .body("lines[0].remaining", equalTo(500.0f))
                .body("lines[1].spent", equalTo(100.0f))
                .body("lines[1].remaining", equalTo(400.5f))
                .body("total.planned", equalTo(1500.5f))
                .body("total.spent", equalTo(600.0f))
                .body("total.remaining", equalTo(900.5f))
                .body("months[0].month", equalTo("2026-10"))
                .body("months[0].spent", equalTo(300.25f))
                .body("months[1].month", equalTo("2026-11"))
                .body("months[1].spent", equalTo(299.75f))
                .body("months[1].cumulativeSpent", equalTo(600.0f))
                .body("months[1].remaining", equalTo(900.5f));
    }

    @Test
    void shouldHoldAnOverrunForTheManagersApprovalAndMarkIt() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        long line = started[1];
        expense(team, id, line, "900.00", "2026-11-03");
        long overrun = lead(team).body(Map.of("lineId", line, "amount", "200.00", "date", "2026-11-04", "note", "Extra"))
                .header("If-Match", Api.current(id)).post(PROJECTS + "/" + id + "/expenses").then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).body("overrun", equalTo(true))
                .extract().jsonPath().getLong("id");
        Api.director().get(PROJECTS + "/" + id + "/budget").then()
                .body("lines[0].spent", equalTo(900.0f)).body("lines[0].pendingApproval", equalTo(200.0f))
                .body("lines[0].overBudget", equalTo(false));

        lead(team).body(Map.of("approve", true)).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/expenses/" + overrun + "/decision")
                .then().statusCode(403);
        manager(team).body(Map.of("approve", true)).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/expenses/" + overrun + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("overrun", equalTo(true))
                .body("decidedBy", equalTo((int) team.managerId()));
        manager(team).body(Map.of("approve", false)).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/expenses/" + overrun + "/decision")
                .then().statusCode(409);

        Api.director().get(PROJECTS + "/" + id + "/budget").then()
                .body("lines[0].spent", equalTo(1100.0f)).body("lines[0].remaining", equalTo(-100.0f))
                .body("lines[0].overBudget", equalTo(true)).body("total.remaining", equalTo(-100.0f));
        Api.director().get(PROJECTS + "/" + id).then().body("overBudget", equalTo(true));
        Api.director().queryParam("overBudget", true).queryParam("group", team.group()).get(PROJECTS).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) id));
    }

    @Test
    void shouldNotCountARejectedOverrun() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        long overrun = lead(team).body(Map.of("lineId", started[1], "amount", "1000.01", "date", "2026-11-04",
                        "note", "Too much")).header("If-Match", Api.current(id))
                                .post(PROJECTS + "/" + id + "/expenses").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        manager(team).body(Map.of("approve", false)).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/expenses/" + overrun + "/decision")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        Api.director().get(PROJECTS + "/" + id + "/budget").then()
                .body("total.spent", equalTo(0.0f)).body("lines[0].pendingApproval", equalTo(0.0f));
    }

    @Test
    void shouldApproveAnOverrunRecordedByTheManagerAtOnce() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        manager(team).body(Map.of("lineId", started[1], "amount", "1200.00", "date", "2026-11-04", "note", "Big"))
                .header("If-Match", Api.current(started[0]))
                .post(PROJECTS + "/" + started[0] + "/expenses").then().statusCode(201)
                .body("status", equalTo("APPROVED")).body("overrun", equalTo(true));
    }

    @Test
    void shouldRefuseBadMoneyAndExpensesBeforeTheProjectStarts() {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        long line = Api.addLine(team, id, "ads", "10.00");
        lead(team).body(Map.of("category", "ads", "planned", "-1")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/budget/lines")
                .then().statusCode(400).body("errors.field", hasItem("planned"));
        lead(team).body(Map.of("category", "ads", "planned", "1.001")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/budget/lines")
                .then().statusCode(400).body("errors.field", hasItem("planned"));
        lead(team).body(Map.of("lineId", line, "amount", "5.00", "date", "2026-11-04", "note", "Early"))
                .header("If-Match", Api.current(id)).post(PROJECTS + "/" + id + "/expenses").then().statusCode(422)
                .body("type", equalTo("https://ops.wuaigou.com/problems/wrong-phase"));
    }

    private static void expense(Roster.Team team, long id, long line, String amount, String date) {
        lead(team).body(Map.of("lineId", line, "amount", amount, "date", date, "note", "spent"))
                .header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/expenses").then().statusCode(201).body("status", equalTo("ACCEPTED"));
    }
}
