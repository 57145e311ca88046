package com.wuaigou.ops.project;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.wuaigou.ops.project.Api.PROJECTS;
import static com.wuaigou.ops.project.Api.TODAY;
import static com.wuaigou.ops.project.Api.lead;
import static com.wuaigou.ops.project.Api.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AccessTest {

    @Test
    void shouldLetOnlyTheGroupsManagerOrADirectorCreateProjects() {
        Roster.Team team = Roster.team();
        Roster.Team other = Roster.team();
        lead(team).body(Api.newProject(team)).post(PROJECTS).then().statusCode(403);
        manager(other).body(Api.newProject(team)).post(PROJECTS).then().statusCode(403);
        Api.as(50, "bi").body(Api.newProject(team)).post(PROJECTS).then().statusCode(403);
        Api.director().body(Api.newProject(team)).post(PROJECTS).then().statusCode(201);
        Api.as(9000, "admin").body(Api.newProject(team)).post(PROJECTS).then().statusCode(201);
    }

    @Test
    void shouldLetTheOwnGroupAndBiReadButNotOtherGroups() {
        Roster.Team team = Roster.team();
        Roster.Team other = Roster.team();
        long id = Api.create(team);
        Api.as(team.memberId(), "staff").get(PROJECTS + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""));
        Api.as(50, "bi").get(PROJECTS + "/" + id).then().statusCode(200);
        Api.as(other.memberId(), "staff").get(PROJECTS + "/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        manager(other).get(PROJECTS + "/" + id + "/budget").then().statusCode(403);
        Api.as(other.memberId(), "staff").queryParam("size", 100).get(PROJECTS).then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        Api.as(team.memberId(), "staff").queryParam("group", team.group()).get(PROJECTS).then().statusCode(200)
                .body("items.id", hasItem((int) id)).body("total", equalTo(1));
    }

    @Test
    void shouldLetTheLeadEditTheirProjectButNotApproveOrChangeTheLead() {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        Api.propose(team, id);
        lead(team).header("If-Match", Api.current(id)).post(PROJECTS + "/" + id + "/approval").then().statusCode(403);
        Api.as(team.assistantId(), "staff").body(Map.of("objectives", "x"))
                .header("If-Match", Api.current(id)).put(PROJECTS + "/" + id + "/proposal").then().statusCode(403);
        Api.as(team.assistantId(), "staff").body(Map.of("category", "x", "planned", "1.00"))
                .header("If-Match", Api.current(id)).post(PROJECTS + "/" + id + "/budget/lines").then().statusCode(403);
        lead(team).body(edit(team, team.memberId())).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id).then().statusCode(403);
        lead(team).body(edit(team, team.leadId())).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id).then().statusCode(200)
                .body("title", equalTo("Renamed"));
        manager(team).body(edit(team, team.memberId())).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id).then().statusCode(200)
                .body("lead.staffId", equalTo((int) team.memberId()));
        Api.as(50, "bi").body(Map.of("objectives", "x")).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/proposal").then()
                .statusCode(403);
    }

    @Test
    void shouldLetAssistantsUpdateOnlyTheirOwnActions() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        long leadsAction = Api.addAction(team, id, team.leadId(), TODAY.minusDays(1));
        Api.as(team.assistantId(), "staff").body(Map.of("status", "DONE"))
                .header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/actions/" + leadsAction + "/status").then().statusCode(403);
        Api.as(team.assistantId(), "staff").body(Map.of("title", "Mine now", "ownerId", team.assistantId(),
                "dueDate", TODAY.toString())).header("If-Match", Api.current(id))
                        .put(PROJECTS + "/" + id + "/actions/" + leadsAction).then().statusCode(403);
        Api.setStatus(Api.as(team.assistantId(), "staff"), id, started[2], "DONE");
        lead(team).body(Map.of("title", "Outsider", "ownerId", team.memberId(), "dueDate", TODAY.toString()))
                .header("If-Match", Api.current(id)).post(PROJECTS + "/" + id + "/actions").then().statusCode(422)
                .body("errors[0].field", equalTo("ownerId"));
        Api.director().get(PROJECTS + "/" + id + "/actions").then()
                .body("find { it.id == " + leadsAction + " }.overdue", equalTo(true))
                .body("find { it.id == " + started[2] + " }.overdue", equalTo(false));
        Api.director().queryParam("overdueActions", true).queryParam("member", team.assistantId()).get(PROJECTS)
                .then().body("items.id", equalTo(List.of((int) id))).body("items[0].overdueActions", equalTo(1));
    }

    @Test
    void shouldLetTheLeadAndSupervisorsCheckInOnlyDuringDo() {
        Roster.Team team = Roster.team();
        long planned = Api.create(team);
        Map<String, Object> checkIn = Map.of("date", TODAY.toString(), "progress", 10, "rag", "GREEN");
        lead(team).body(checkIn).header("If-Match", Api.current(planned))
                .post(PROJECTS + "/" + planned + "/check-ins").then().statusCode(422);
        long id = Api.started(team)[0];
        Api.as(team.assistantId(), "staff").body(checkIn).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/check-ins").then()
                .statusCode(403);
        manager(team).body(checkIn).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/check-ins").then().statusCode(201);
        lead(team).body(Map.of("date", TODAY.toString(), "progress", 101, "rag", "GREEN"))
                .header("If-Match", Api.current(id)).post(PROJECTS + "/" + id + "/check-ins").then().statusCode(400)
                .body("errors[0].field", equalTo("progress"));
        Api.as(50, "bi").get(PROJECTS + "/" + id + "/check-ins").then().statusCode(200)
                .body("progress", equalTo(List.of(10)));
    }

    @Test
    void shouldFilterAndPageTheProjectList() {
        Roster.Team team = Roster.team();
        long planned = Api.create(team);
        Map<String, Object> product = new HashMap<>(Api.newProject(team));
        product.put("type", "PRODUCT");
        product.remove("size");
        long productId = manager(team).body(product).post(PROJECTS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long running = Api.started(team)[0];
        manager(team).queryParam("group", team.group()).queryParam("size", 2).get(PROJECTS).then().statusCode(200)
                .body("total", equalTo(3)).body("size", equalTo(2)).body("page", equalTo(0))
                .body("items.id", equalTo(List.of((int) planned, (int) productId)));
        manager(team).queryParam("group", team.group()).queryParam("size", 2).queryParam("page", 1).get(PROJECTS)
                .then().body("items.id", equalTo(List.of((int) running)));
        manager(team).queryParam("group", team.group()).queryParam("phase", "DO").get(PROJECTS).then()
                .body("items.id", equalTo(List.of((int) running)));
        manager(team).queryParam("group", team.group()).queryParam("type", "PRODUCT").get(PROJECTS).then()
                .body("items.id", equalTo(List.of((int) productId)));
        manager(team).queryParam("group", team.group()).queryParam("overBudget", false).get(PROJECTS).then()
                .body("total", equalTo(3));
        manager(team).queryParam("phase", "SOMETIME").get(PROJECTS).then().statusCode(400)
                .body("errors[0].field", equalTo("phase"));
    }

    @Test
    void shouldRefuseAnOutsiderBeforeLookingAtTheirIfMatch() {
        Roster.Team team = Roster.team();
        Roster.Team other = Roster.team();
        long id = Api.create(team);
        Api.propose(team, id);
        for (String ifMatch : List.of("\"0\"", "\"1\"", "*")) {
            manager(other).header("If-Match", ifMatch).body(Map.of("objectives", "Taken over"))
                    .put(PROJECTS + "/" + id + "/proposal").then().statusCode(403);
            manager(other).header("If-Match", ifMatch).post(PROJECTS + "/" + id + "/approval").then().statusCode(403);
        }
        Api.director().get(PROJECTS + "/" + id).then().body("proposal.objectives", not(equalTo("Taken over")))
                .body("approval", equalTo(null));
    }

    @Test
    void shouldNameNoCodeGroupOrVersionOfAProjectTheCallerMayNotSee() {
        Roster.Team team = Roster.team();
        Roster.Team other = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        String code = Api.director().get(PROJECTS + "/" + id).then().extract().path("code");
        List<String> refusals = List.of(
                Api.as(other.memberId(), "staff").get(PROJECTS + "/" + id),
                manager(other).header("If-Match", "\"0\"").body(edit(other, other.leadId())).put(PROJECTS + "/" + id),
                manager(other).header("If-Match", "\"0\"").body(Map.of("approve", true))
                        .post(PROJECTS + "/" + id + "/expenses/1/decision"),
                Api.as(other.memberId(), "staff").body(Map.of("status", "DONE"))
                        .post(PROJECTS + "/" + id + "/actions/" + started[2] + "/status"),
                Api.as(other.memberId(), "staff").body(Map.of("status", "DONE"))
                        .post(PROJECTS + "/" + id + "/actions/987654321/status"))
                .stream().map(response -> response.then().statusCode(403).contentType("application/problem+json")
                        .extract().<String>path("detail")).toList();
        assertThat(refusals).allSatisfy(detail -> assertThat(detail)
                .doesNotContain(code, team.group(), "version", "\"0\""));
    }

    @Test
    void shouldAnswerUnknownProjectsWithNotFound() {
        Api.director().get(PROJECTS + "/987654321").then().statusCode(404).contentType("application/problem+json");
    }

    private static Map<String, Object> edit(Roster.Team team, long leadId) {
        return Api.core(leadId, Map.of(team.assistantId(), "designer"));
    }
}
