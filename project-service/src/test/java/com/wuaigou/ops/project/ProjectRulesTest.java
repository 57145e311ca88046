package com.wuaigou.ops.project;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wuaigou.ops.project.Api.PROJECTS;
import static com.wuaigou.ops.project.Api.TODAY;
import static com.wuaigou.ops.project.Api.lead;
import static com.wuaigou.ops.project.Api.manager;
import static com.wuaigou.ops.project.Api.move;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The rules a hostile tester tried to walk around, each tried again the way they did it. */
@QuarkusTest
class ProjectRulesTest {

    private static final String PROBLEMS = "https://ops.wuaigou.com/problems/";

    @Test
    void shouldRefuseEvaluationByAFormerLead() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        manager(team).body(Api.core(team.memberId(), Map.of(team.assistantId(), "copywriter")))
                .header("If-Match", Api.current(id)).put(PROJECTS + "/" + id).then().statusCode(200);
        toCheck(team, started);
        Api.as(team.leadId(), "director").body(Api.evaluation()).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/evaluation").then()
                .statusCode(403).contentType("application/problem+json");
        Api.director().get(PROJECTS + "/" + id).then().body("evaluation", equalTo(null));
    }

    @Test
    void shouldRefuseEvaluationByAManagerWhoOnceAssistedTheProject() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        manager(team).body(Api.core(team.leadId(), Map.of(team.assistantId(), "copywriter", team.managerId(), "helper")))
                .header("If-Match", Api.current(id)).put(PROJECTS + "/" + id).then().statusCode(200);
        manager(team).body(Api.core(team.leadId(), Map.of(team.assistantId(), "copywriter")))
                .header("If-Match", Api.current(id)).put(PROJECTS + "/" + id).then().statusCode(200);
        toCheck(team, started);
        manager(team).body(Api.evaluation()).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/evaluation").then().statusCode(403);
        Api.director().body(Api.evaluation()).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/evaluation").then().statusCode(200);
    }

    @Test
    void shouldKeepTheLeadOnceTheProjectIsInCheck() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        toCheck(team, started);
        Api.director().body(Api.core(team.assistantId(), Map.of())).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "lead-locked")).body("errors.field", equalTo(List.of("leadId")));
        Api.director().body(Api.core(team.leadId(), Map.of(team.assistantId(), "copywriter")))
                .header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id).then().statusCode(200).body("title", equalTo("Renamed"));
        manager(team).body(Api.evaluation()).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/evaluation").then().statusCode(200);
        move(lead(team), id, "ACT");
        manager(team).body(Api.core(team.memberId(), Map.of())).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id).then().statusCode(409)
                .body("detail", containsString("ACT"));
        Api.director().get(PROJECTS + "/" + id).then().body("lead.staffId", equalTo((int) team.leadId()));
    }

    @Test
    void shouldKeepMembersRolesAndBudgetLinesAsSettled() {
        Unit unit = settled();
        Roster.Team team = unit.team();
        manager(team).body(Api.core(team.leadId(), Map.of())).header("If-Match", Api.current(unit.id()))
                .put(unit.path()).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "settled")).body("detail", containsString("settled"));
        manager(team).body(Api.core(team.leadId(), Map.of(team.assistantId(), "photographer")))
                .header("If-Match", Api.current(unit.id()))
                .put(unit.path()).then().statusCode(409).body("type", equalTo(PROBLEMS + "settled"));
        lead(team).body(Map.of("category", "late idea", "planned", "10.00"))
                .header("If-Match", Api.current(unit.id())).post(unit.path() + "/budget/lines").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "settled"));
        lead(team).body(Map.of("category", "advertising", "planned", "5000.00"))
                .header("If-Match", Api.current(unit.id()))
                .put(unit.path() + "/budget/lines/" + unit.line()).then().statusCode(409);
        manager(team).body(Api.core(team.leadId(), Map.of(team.assistantId(), "copywriter")))
                .header("If-Match", Api.current(unit.id()))
                .put(unit.path()).then().statusCode(200).body("title", equalTo("Renamed"));
        move(manager(team), unit.id(), "CLOSED");
        Api.director().get(unit.path()).then()
                .body("assistants.staffId", equalTo(List.of((int) team.assistantId())))
                .body("settlement.shares.staffId", containsInAnyOrder((int) team.leadId(), (int) team.assistantId()));
    }

    @Test
    void shouldRefuseToCloseWhileAnExpenseWaitsForADecision() {
        Unit unit = settled();
        long overrun = Api.expense(lead(unit.team()), unit.id(), unit.line(), "1500.00");
        manager(unit.team()).body(Map.of("to", "CLOSED")).header("If-Match", Api.current(unit.id()))
                .post(unit.path() + "/transitions").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "gate-not-passed"))
                .body("errors.field", equalTo(List.of("expenses[" + overrun + "]")));
        manager(unit.team()).body(Map.of("approve", false)).header("If-Match", Api.current(unit.id()))
                .post(unit.path() + "/expenses/" + overrun + "/decision")
                .then().statusCode(200);
        move(manager(unit.team()), unit.id(), "CLOSED");
    }

    @Test
    void shouldChangeNothingInTheBooksOfAClosedProject() {
        Unit unit = settled();
        Roster.Team team = unit.team();
        long expense = Api.expense(manager(team), unit.id(), unit.line(), "10.00");
        move(manager(team), unit.id(), "CLOSED");
        String project = unit.path();
        Map<String, Object> action = Map.of("title", "More", "ownerId", team.leadId(), "dueDate", TODAY.toString());
        String etag = Api.current(unit.id());
        List.of(manager(team).body(Map.of("lineId", unit.line(), "amount", "1.00", "date", TODAY.toString(),
                                "note", "After")).header("If-Match", etag).post(project + "/expenses"),
                        manager(team).body(Map.of("approve", true)).header("If-Match", etag)
                                .post(project + "/expenses/" + expense + "/decision"),
                        manager(team).body(Map.of("category", "after", "planned", "1.00")).header("If-Match", etag)
                                .post(project + "/budget/lines"),
                        manager(team).body(Map.of("category", "after", "planned", "1.00"))
                                .header("If-Match", etag).put(project + "/budget/lines/" + unit.line()),
                        manager(team).body(Api.core(team.leadId(), Map.of())).header("If-Match", etag).put(project),
                        manager(team).body(action).header("If-Match", etag).post(project + "/actions"),
                        manager(team).body(action).header("If-Match", etag).put(project + "/actions/" + unit.action()),
                        manager(team).body(Map.of("status", "OPEN")).header("If-Match", etag)
                                .post(project + "/actions/" + unit.action() + "/status"),
                        manager(team).body(Map.of("date", TODAY.toString(), "progress", 100, "rag", "GREEN"))
                                .header("If-Match", etag).post(project + "/check-ins"),
                        manager(team).body(Map.of("standardise", "x", "changeNextTime", "y")).header("If-Match", etag)
                                .put(project + "/follow-up"),
                        manager(team).body(Map.of("objectives", "x")).header("If-Match", etag)
                                .put(project + "/proposal"))
                .forEach(refused -> refused.then().statusCode(409).contentType("application/problem+json")
                        .body("type", equalTo(PROBLEMS + "project-finished")).body("detail", containsString("CLOSED")));
        Api.director().get(project + "/budget").then().body("total.spent", equalTo(10.0f));
    }

    @Test
    void shouldNotDecideAnOverrunOfACancelledProject() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        long overrun = Api.expense(lead(team), id, started[1], "1000.01");
        manager(team).body(Map.of("to", "CANCELLED", "reason", "Budget gone")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/transitions")
                .then().statusCode(201);
        manager(team).body(Map.of("approve", true)).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/expenses/" + overrun + "/decision")
                .then().statusCode(409).body("detail", containsString("CANCELLED"));
        Api.director().get(PROJECTS + "/" + id + "/budget").then().body("total.spent", equalTo(0.0f))
                .body("total.pendingApproval", equalTo(1000.01f));
    }

    @Test
    void shouldApproveWithNoBodyAndNoContentType() {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        Api.propose(team, id);
        Api.bodiless(team.managerId(), "manager").header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/approval").then().statusCode(200)
                .body("approval.by", equalTo((int) team.managerId()));
    }

    /** A project of {@code team} with its one budget line and its one action. */
    private record Unit(Roster.Team team, long id, long line, long action) {
        String path() {
            return PROJECTS + "/" + id;
        }
    }

    /** A new team's project in ACT, evaluated, with follow-up decisions, settled: 850.00, lead 60%, assistant 40%. */
    private static Unit settled() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        Unit unit = new Unit(team, started[0], started[1], started[2]);
        toCheck(team, started);
        Api.director().body(Api.evaluation()).header("If-Match", Api.current(unit.id()))
                .put(unit.path() + "/evaluation").then().statusCode(200);
        move(lead(team), unit.id(), "ACT");
        lead(team).body(Map.of("standardise", "Banner template", "changeNextTime", "Order stock earlier"))
                .header("If-Match", Api.current(unit.id())).put(unit.path() + "/follow-up").then().statusCode(200);
        manager(team).body(Map.of("lines", List.of(Map.of("lineId", unit.line(), "finalCost", "850.00")),
                        "shares", List.of(Map.of("staffId", team.leadId(), "percent", "60"),
                                Map.of("staffId", team.assistantId(), "percent", "40"))))
                .header("If-Match", Api.current(unit.id())).put(unit.path() + "/settlement").then().statusCode(200);
        return unit;
    }

    /** Marks the project's one action done and moves it to CHECK. */
    private static void toCheck(Roster.Team team, long[] started) {
        Api.setStatus(manager(team), started[0], started[2], "DONE");
        move(manager(team), started[0], "CHECK");
    }
}
