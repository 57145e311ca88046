package com.wuaigou.ops.project;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wuaigou.ops.project.Api.PROJECTS;
import static com.wuaigou.ops.project.Api.lead;
import static com.wuaigou.ops.project.Api.manager;
import static com.wuaigou.ops.project.Api.move;
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
                .put(PROJECTS + "/" + id).then().statusCode(200);
        toCheck(team, started);
        Api.as(team.leadId(), "director").body(Api.evaluation()).put(PROJECTS + "/" + id + "/evaluation").then()
                .statusCode(403).contentType("application/problem+json");
        Api.director().get(PROJECTS + "/" + id).then().body("evaluation", equalTo(null));
    }

    @Test
    void shouldRefuseEvaluationByAManagerWhoOnceAssistedTheProject() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        manager(team).body(Api.core(team.leadId(), Map.of(team.assistantId(), "copywriter", team.managerId(), "helper")))
                .put(PROJECTS + "/" + id).then().statusCode(200);
        manager(team).body(Api.core(team.leadId(), Map.of(team.assistantId(), "copywriter")))
                .put(PROJECTS + "/" + id).then().statusCode(200);
        toCheck(team, started);
        manager(team).body(Api.evaluation()).put(PROJECTS + "/" + id + "/evaluation").then().statusCode(403);
        Api.director().body(Api.evaluation()).put(PROJECTS + "/" + id + "/evaluation").then().statusCode(200);
    }

    @Test
    void shouldKeepTheLeadOnceTheProjectIsInCheck() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        toCheck(team, started);
        Api.director().body(Api.core(team.assistantId(), Map.of())).put(PROJECTS + "/" + id).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "lead-locked")).body("errors.field", equalTo(List.of("leadId")));
        Api.director().body(Api.core(team.leadId(), Map.of(team.assistantId(), "copywriter")))
                .put(PROJECTS + "/" + id).then().statusCode(200).body("title", equalTo("Renamed"));
        manager(team).body(Api.evaluation()).put(PROJECTS + "/" + id + "/evaluation").then().statusCode(200);
        move(lead(team), id, "ACT");
        manager(team).body(Api.core(team.memberId(), Map.of())).put(PROJECTS + "/" + id).then().statusCode(409)
                .body("detail", containsString("ACT"));
        Api.director().get(PROJECTS + "/" + id).then().body("lead.staffId", equalTo((int) team.leadId()));
    }

    /** Marks the project's one action done and moves it to CHECK. */
    private static void toCheck(Roster.Team team, long[] started) {
        Api.setStatus(manager(team), started[0], started[2], "DONE");
        move(manager(team), started[0], "CHECK");
    }
}
