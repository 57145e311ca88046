package com.wuaigou.ops.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.local.DevTokens;
import com.wuaigou.ops.local.IdempotencyContract;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;
import java.util.Map;

import static com.wuaigou.ops.project.Api.PROJECTS;
import static com.wuaigou.ops.project.Api.TODAY;

/** project-service's creating POSTs under the Idempotency-Key contract, on one team's project in DO. */
@QuarkusTest
class IdempotencyTest extends IdempotencyContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creations under a project change it, so they take If-Match; any version will do for these tests. */
    private static final String ANY_VERSION = "*";

    @Override
    protected List<Creation> creations() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        String project = PROJECTS + "/" + started[0];
        long line = started[1];
        String manager = DevTokens.mint(team.managerId(), "manager");
        String lead = DevTokens.mint(team.leadId(), "staff");
        return List.of(
                new Creation("POST /api/v1/projects", "project",
                        () -> Request.json(manager, PROJECTS, json(Api.newProject(team)))),
                new Creation("POST /api/v1/projects/{id}/transitions", "phase_transition",
                        () -> Request.json(manager, PROJECTS + "/" + Api.create(team) + "/transitions",
                                json(Map.of("to", "CANCELLED", "reason", "Cancelled " + Roster.nextId()))).ifMatch(ANY_VERSION)),
                new Creation("POST /api/v1/projects/{id}/budget/lines", "budget_line",
                        () -> Request.json(lead, project + "/budget/lines",
                                json(Map.of("category", "category " + Roster.nextId(), "planned", "100.00"))).ifMatch(ANY_VERSION)),
                new Creation("POST /api/v1/projects/{id}/expenses", "expense",
                        () -> Request.json(lead, project + "/expenses", json(Map.of("lineId", line, "amount", "1.00",
                                "date", TODAY.toString(), "note", "spent " + Roster.nextId()))).ifMatch(ANY_VERSION)),
                new Creation("POST /api/v1/projects/{id}/actions", "project_action",
                        () -> Request.json(lead, project + "/actions", json(Map.of("title", "Action " + Roster.nextId(),
                                "ownerId", team.assistantId(), "dueDate", TODAY.plusDays(5).toString()))).ifMatch(ANY_VERSION)),
                new Creation("POST /api/v1/projects/{id}/check-ins", "check_in",
                        () -> Request.json(lead, project + "/check-ins", json(Map.of("date", TODAY.toString(),
                                "progress", 40, "rag", "GREEN", "issues", "none " + Roster.nextId()))).ifMatch(ANY_VERSION)));
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
