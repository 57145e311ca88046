package com.wuaigou.ops.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.local.LocalInfraTestResource;
import com.wuaigou.ops.local.EventContract;
import com.wuaigou.ops.local.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.wuaigou.ops.project.Api.PROJECTS;
import static com.wuaigou.ops.project.Api.TODAY;
import static com.wuaigou.ops.project.Api.lead;
import static com.wuaigou.ops.project.Api.manager;
import static com.wuaigou.ops.project.Api.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProjectLifecycleTest {

    private static final String TOPIC = "ops.project.projects";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWalkAProjectThroughEveryPhaseAndPublishPhaseAndClosedEvents() throws Exception {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        long line = started[1];
        long action = started[2];

        lead(team).body(Map.of("date", TODAY.toString(), "progress", 40, "rag", "AMBER",
                        "issues", "Supplier late", "nextSteps", "Chase supplier"))
                .header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/check-ins").then().statusCode(201).body("rag", equalTo("AMBER"));
        lead(team).body(Map.of("lineId", line, "amount", "800.00", "date", TODAY.toString(), "note", "Banner ads"))
                .header("If-Match", Api.current(id)).post(PROJECTS + "/" + id + "/expenses").then().statusCode(201);
        Api.setStatus(Api.as(team.assistantId(), "staff"), id, action, "DONE");
        move(lead(team), id, "CHECK");
        manager(team).body(Api.evaluation()).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/evaluation").then().statusCode(200)
                .body("evaluation.score", equalTo(85)).body("evaluation.locked", equalTo(true))
                .body("proposal.successCriteria[1].met", equalTo(false));
        move(lead(team), id, "ACT");
        lead(team).body(Map.of("standardise", "Banner template", "changeNextTime", "Order stock earlier"))
                .header("If-Match", Api.current(id)).put(PROJECTS + "/" + id + "/follow-up").then().statusCode(200);
        manager(team).body(Map.of(
                        "lines", List.of(Map.of("lineId", line, "finalCost", "850.00")),
                        "shares", List.of(Map.of("staffId", team.leadId(), "percent", "70"),
                                Map.of("staffId", team.assistantId(), "percent", "30"))))
                .header("If-Match", Api.current(id)).put(PROJECTS + "/" + id + "/settlement").then().statusCode(200)
                .body("settlement.shares", hasSize(2));
        move(manager(team), id, "CLOSED");

        Api.as(team.memberId(), "staff").get(PROJECTS + "/" + id).then().statusCode(200)
                .body("phase", equalTo("CLOSED")).body("finishedAt", notNullValue());
        Api.as(team.memberId(), "staff").get(PROJECTS + "/" + id + "/transitions").then().statusCode(200)
                .body("to", equalTo(List.of("DO", "CHECK", "ACT", "CLOSED")))
                .body("by", hasItems((int) team.leadId(), (int) team.managerId()))
                .body("reason", hasItem("moving to CHECK"));
        Api.director().get(PROJECTS + "/" + id + "/budget").then().statusCode(200)
                .body("total.finalCost", equalTo(850.0f)).body("total.variance", equalTo(-150.0f))
                .body("lines[0].variance", equalTo(-150.0f));

        TopicProbe probe = new TopicProbe(LocalInfraTestResource.kafka().bootstrapServers());
        String key = Long.toString(id);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                probe.readAll(TOPIC).stream().filter(r -> key.equals(r.key())).toList()).hasSize(5));
        List<ConsumerRecord<String, String>> records = probe.readAll(TOPIC).stream()
                .filter(r -> key.equals(r.key())).toList();
        records.forEach(record -> EventContract.repository().assertValid(record.value()));
        List<JsonNode> events = records.stream().map(r -> read(r.value())).toList();
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                "ops.project.phase.changed.v1", "ops.project.phase.changed.v1", "ops.project.phase.changed.v1",
                "ops.project.phase.changed.v1", "ops.project.closed.v1");
        assertThat(events.get(0).get("data").get("from").asText()).isEqualTo("PLAN");
        assertThat(events.get(0).get("data").get("to").asText()).isEqualTo("DO");
        JsonNode closed = events.get(4).get("data");
        assertThat(closed.get("type").asText()).isEqualTo("ACTIVITY");
        assertThat(closed.get("groupCode").asText()).isEqualTo(team.group());
        assertThat(closed.get("leadId").asLong()).isEqualTo(team.leadId());
        assertThat(closed.get("budget").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(closed.get("actualCost").decimalValue()).isEqualByComparingTo("850.00");
        assertThat(closed.get("evaluationScore").asInt()).isEqualTo(85);
        assertThat(closed.get("plannedStart").asText()).isEqualTo(TODAY.toString());
        assertThat(closed.get("startedAt").isNull()).isFalse();
        assertThat(closed.get("members").findValuesAsText("staffId"))
                .containsExactly(Long.toString(team.leadId()), Long.toString(team.assistantId()));
        assertThat(closed.get("members").get(0).get("sharePercent").decimalValue()).isEqualByComparingTo("70");
    }

    @Test
    void shouldRefuseToStartAnEmptyPlanListingEveryMissingItem() {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        lead(team).body(Map.of("to", "DO")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/transitions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("proposal.objectives", "proposal.successCriteria",
                        "budget.lines", "actions", "approval"));
        Api.director().get(PROJECTS + "/" + id).then().body("phase", equalTo("PLAN"));
    }

    @Test
    void shouldRequireAFreshApprovalAfterThePlanChanges() {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        Api.propose(team, id);
        Api.addLine(team, id, "prizes", "500.00");
        Api.addAction(team, id, team.leadId(), TODAY.plusDays(3));
        Api.approve(team, id);
        Api.addLine(team, id, "printing", "200.00");
        lead(team).body(Map.of("to", "DO")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/transitions").then().statusCode(422)
                .body("errors.field", equalTo(List.of("approval")));
    }

    @Test
    void shouldRefuseCheckWhileAnActionIsOpenAndAcceptItOnceDroppedWithReason() {
        Roster.Team team = Roster.team();
        long[] started = Api.started(team);
        long id = started[0];
        long second = Api.addAction(team, id, team.leadId(), TODAY.plusDays(2));
        lead(team).body(Map.of("to", "CHECK")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/transitions").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("actions[" + started[2] + "]", "actions[" + second + "]"));
        lead(team).body(Map.of("status", "DROPPED"))
                .header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/actions/" + second + "/status").then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        Api.setStatus(lead(team), id, second, "DROPPED");
        Api.setStatus(lead(team), id, started[2], "DONE");
        move(lead(team), id, "CHECK");
        Api.director().get(PROJECTS + "/" + id + "/actions").then()
                .body("find { it.id == " + second + " }.dropReason", equalTo("no longer needed"));
    }

    @Test
    void shouldRefuseActWithoutEvaluationAndKeepTheEvaluationLockedAndAwayFromTheLead() {
        Roster.Team team = Roster.team();
        long id = inCheck(team);
        lead(team).body(Map.of("to", "ACT")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/transitions").then().statusCode(422)
                .body("errors.field", equalTo(List.of("evaluation")));
        Api.as(team.leadId(), "director").body(Api.evaluation()).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/evaluation")
                .then().statusCode(403);
        manager(team).body(Map.of("score", 50, "wentWell", "a", "wentBadly", "b",
                        "results", List.of(Map.of("index", 0, "result", "done", "met", true))))
                .header("If-Match", Api.current(id)).put(PROJECTS + "/" + id + "/evaluation").then().statusCode(422)
                .body("errors.field", equalTo(List.of("results")));
        manager(team).body(Api.evaluation()).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/evaluation").then().statusCode(200);
        Api.director().body(Api.evaluation()).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/evaluation").then().statusCode(409)
                .body("type", equalTo("https://ops.wuaigou.com/problems/evaluation-locked"));
        move(lead(team), id, "ACT");
    }

    @Test
    void shouldRefuseClosingWithoutFollowUpAndSettlementAndSharesThatDoNotAddUp() {
        Roster.Team team = Roster.team();
        long id = inCheck(team);
        manager(team).body(Api.evaluation()).header("If-Match", Api.current(id))
                .put(PROJECTS + "/" + id + "/evaluation").then().statusCode(200);
        move(lead(team), id, "ACT");
        manager(team).body(Map.of("to", "CLOSED")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/transitions").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("followUp.standardise", "followUp.changeNextTime",
                        "settlement"));
        manager(team).body(Map.of("lines", List.of(),
                        "shares", List.of(Map.of("staffId", team.leadId(), "percent", "60"),
                                Map.of("staffId", team.assistantId(), "percent", "30"))))
                .header("If-Match", Api.current(id)).put(PROJECTS + "/" + id + "/settlement").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("lines", "shares"))
                .body("errors.message", hasItem("add up to 90%, not 100%"));
        manager(team).body(Map.of("lines", List.of(),
                        "shares", List.of(Map.of("staffId", team.memberId(), "percent", "100"))))
                .header("If-Match", Api.current(id)).put(PROJECTS + "/" + id + "/settlement").then().statusCode(422)
                .body("errors.field", hasItem("shares[0].staffId"));
        Api.director().get(PROJECTS + "/" + id).then().body("settlement", equalTo(null));
    }

    @Test
    void shouldCancelAnOpenProjectOnlyWithAReasonAndPublishTheCancellation() {
        Roster.Team team = Roster.team();
        long id = Api.started(team)[0];
        manager(team).body(Map.of("to", "CANCELLED")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/transitions").then()
                .statusCode(422).body("errors.field", equalTo(List.of("reason")));
        lead(team).body(Map.of("to", "CANCELLED", "reason", "Supplier gone"))
                .header("If-Match", Api.current(id)).post(PROJECTS + "/" + id + "/transitions").then().statusCode(403);
        manager(team).body(Map.of("to", "CANCELLED", "reason", "Supplier gone"))
                .header("If-Match", Api.current(id)).post(PROJECTS + "/" + id + "/transitions").then().statusCode(201);
        manager(team).body(Map.of("to", "DO", "reason", "again")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/transitions").then()
                .statusCode(422).body("errors.field", equalTo(List.of("to")));

        TopicProbe probe = new TopicProbe(LocalInfraTestResource.kafka().bootstrapServers());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(probe.readAll(TOPIC,
                v -> v.contains("ops.project.cancelled.v1")).stream()
                .filter(r -> r.key().equals(Long.toString(id))).toList()).hasSize(1));
        String envelope = probe.readAll(TOPIC, v -> v.contains("ops.project.cancelled.v1")).stream()
                .filter(r -> r.key().equals(Long.toString(id))).map(r -> r.value()).findFirst().orElseThrow();
        EventContract.repository().assertValid(envelope);
        JsonNode cancelled = read(envelope).get("data");
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("Supplier gone");
        assertThat(cancelled.get("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("members")).hasSize(2);
    }

    @Test
    void shouldRefuseSkippingAPhase() {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        lead(team).body(Map.of("to", "CHECK")).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/transitions").then().statusCode(422)
                .body("type", equalTo("https://ops.wuaigou.com/problems/transition-not-allowed"))
                .body("errors[0].field", equalTo("to"));
    }

    private static long inCheck(Roster.Team team) {
        long[] started = Api.started(team);
        Api.setStatus(lead(team), started[0], started[2], "DONE");
        move(lead(team), started[0], "CHECK");
        return started[0];
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
