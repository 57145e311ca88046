package com.wuaigou.ops.project;

import com.wuaigou.ops.local.DevTokens;
import com.wuaigou.ops.local.PinnedClock;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** HTTP calls as a given person, and the steps that walk a project through its cycle. */
final class Api {

    static final String PROJECTS = "/api/v1/projects";
    static final LocalDate TODAY = PinnedClock.today();

    private Api() {
    }

    static RequestSpecification as(long staffId, String... roles) {
        return given().auth().oauth2(DevTokens.mint(staffId, roles)).contentType(ContentType.JSON);
    }

    /** A request with no body and no Content-Type, as a client sends to an operation that takes none. */
    static RequestSpecification bodiless(long staffId, String... roles) {
        return given().auth().oauth2(DevTokens.mint(staffId, roles));
    }

    static RequestSpecification manager(Roster.Team team) {
        return as(team.managerId(), "manager");
    }

    static RequestSpecification lead(Roster.Team team) {
        return as(team.leadId(), "staff");
    }

    static RequestSpecification director() {
        return as(1, "director");
    }

    /** The project's ETag as a director reads it now, for the If-Match of a change that means to apply to it. */
    static String current(long projectId) {
        return director().get(PROJECTS + "/" + projectId).then().statusCode(200).extract().header("ETag");
    }

    static Map<String, Object> newProject(Roster.Team team) {
        return Map.of("code", "P-" + Roster.nextId(), "type", "ACTIVITY", "size", "LARGE",
                "title", "Double 12 campaign", "groupCode", team.group(), "leadId", team.leadId(),
                "assistants", List.of(Map.of("staffId", team.assistantId(), "role", "copywriter")),
                "plannedStart", TODAY.toString(), "plannedEnd", TODAY.plusDays(30).toString());
    }

    /** The body of PUT /projects/{id}: a renamed core with this lead and these assistants (staff id to role). */
    static Map<String, Object> core(long leadId, Map<Long, String> assistants) {
        return Map.of("title", "Renamed", "size", "SMALL", "leadId", leadId,
                "assistants", assistants.entrySet().stream()
                        .map(a -> Map.of("staffId", a.getKey(), "role", a.getValue())).toList(),
                "plannedStart", TODAY.toString(), "plannedEnd", TODAY.plusDays(10).toString());
    }

    static long create(Roster.Team team) {
        return manager(team).body(newProject(team)).post(PROJECTS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static long addLine(Roster.Team team, long projectId, String category, String planned) {
        return lead(team).body(Map.of("category", category, "planned", planned))
                .header("If-Match", current(projectId))
                .post(PROJECTS + "/" + projectId + "/budget/lines").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static long addAction(Roster.Team team, long projectId, long ownerId, LocalDate due) {
        return lead(team).body(Map.of("title", "Action " + Roster.nextId(), "ownerId", ownerId, "dueDate", due.toString()))
                .header("If-Match", current(projectId))
                .post(PROJECTS + "/" + projectId + "/actions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Records an expense of {@code amount} today and answers its id. */
    static long expense(RequestSpecification who, long projectId, long lineId, String amount) {
        return who.body(Map.of("lineId", lineId, "amount", amount, "date", TODAY.toString(), "note", "spent"))
                .header("If-Match", current(projectId))
                .post(PROJECTS + "/" + projectId + "/expenses").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static void propose(Roster.Team team, long projectId) {
        lead(team).body(Map.of("objectives", "Lift December sales by a fifth",
                        "successCriteria", List.of("GMV at least 120% of November", "2,000 new buyers")))
                .header("If-Match", current(projectId))
                .put(PROJECTS + "/" + projectId + "/proposal").then().statusCode(200);
    }

    static void approve(Roster.Team team, long projectId) {
        manager(team).header("If-Match", current(projectId))
                .post(PROJECTS + "/" + projectId + "/approval").then().statusCode(200);
    }

    static void move(RequestSpecification who, long projectId, String to) {
        who.body(Map.of("to", to, "reason", "moving to " + to)).header("If-Match", current(projectId))
                .post(PROJECTS + "/" + projectId + "/transitions")
                .then().statusCode(201);
    }

    static void setStatus(RequestSpecification who, long projectId, long actionId, String status) {
        who.body(Map.of("status", status, "reason", "no longer needed"))
                .header("If-Match", current(projectId))
                .post(PROJECTS + "/" + projectId + "/actions/" + actionId + "/status").then().statusCode(200);
    }

    /** A project in DO with one budget line (returned) of 1000.00 and one action owned by the assistant. */
    static long[] started(Roster.Team team) {
        long id = create(team);
        propose(team, id);
        long line = addLine(team, id, "advertising", "1000.00");
        long action = addAction(team, id, team.assistantId(), TODAY.plusDays(5));
        approve(team, id);
        move(lead(team), id, "DO");
        return new long[]{id, line, action};
    }

    static Map<String, Object> evaluation() {
        return Map.of("score", 85, "wentWell", "Traffic", "wentBadly", "Stock-outs",
                "results", List.of(Map.of("index", 0, "result", "131%", "met", true),
                        Map.of("index", 1, "result", "1,640 new buyers", "met", false)));
    }
}
