package com.wuaigou.ops.personnel;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.local.DemoIdentities;
import com.wuaigou.ops.local.LocalInfraTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static com.wuaigou.ops.personnel.TestRoster.ADMIN;
import static com.wuaigou.ops.personnel.TestRoster.BI;
import static com.wuaigou.ops.personnel.TestRoster.DIRECTOR;
import static com.wuaigou.ops.personnel.TestRoster.managerToken;
import static com.wuaigou.ops.personnel.TestRoster.newGroup;
import static com.wuaigou.ops.personnel.TestRoster.newPerson;
import static com.wuaigou.ops.personnel.TestRoster.staffToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The scorecard, fed only by events produced to quota's and project's topics exactly as those services shape them.
 * Each test works in a group of its own with its own lock and project ids.
 */
@QuarkusTest
class ScorecardTest {

    private static final String PERIODS = "ops.quota.periods";
    private static final String PROJECTS = "ops.project.projects";
    private static final AtomicLong NEXT_ID = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000));
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfraTestResource.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    /** A group with a manager and two members, all placed in it since 2025-01-01. */
    private record Team(String group, long manager, long anna, long bo) {

        static Team create() {
            String group = newGroup();
            return new Team(group, newPerson(group, "MANAGER"), newPerson(group, "MEMBER"), newPerson(group, "MEMBER"));
        }
    }

    @Test
    void shouldWorkOutAPersonsCardFromTheLockedMonthAndTheProjectsClosedInIt() {
        Team team = Team.create();
        lockMarchWithHandWorkedFigures(team, nextId());
        closeHandWorkedProjects(team);

        JsonPath card = await().atMost(Duration.ofSeconds(30)).until(() -> card(ADMIN, team.anna(), "2025-03"),
                c -> c.getBoolean("locked") && c.getList("projects.closed").size() == 3);

        assertThat(card.getList("primary.itemCode")).containsExactly("P1", "P2");
        assertThat(card.getList("flexible.itemCode")).containsExactly("F1");
        assertThat(card.getList("unplanned.itemCode")).containsExactly("U1");
        assertThat(card.getString("primary[0].status")).isEqualTo("EXCEEDED");
        assertThat(dec(card, "primary[1].ratio")).isEqualByComparingTo("0.5");
        assertThat(card.getString("unplanned[0].duty")).isNull();
        assertThat(card.getInt("quotas.itemsWithTarget")).isEqualTo(3);
        assertThat(card.getInt("quotas.itemsMet")).isEqualTo(2);
        assertThat(dec(card, "quotas.shareMet")).isEqualByComparingTo("0.6667");
        assertThat(dec(card, "quotas.score")).isEqualByComparingTo("66.67");
        assertThat(card.getLong("workload.workloadMinutes")).isEqualTo(7200);
        assertThat(card.getLong("workload.workingMinutes")).isEqualTo(10080);
        assertThat(dec(card, "workload.ratio")).isEqualByComparingTo("0.7143");
        assertThat(card.getList("projects.closed.code")).containsExactly("Y-" + team.group(), "V-" + team.group(),
                "X-" + team.group());
        assertThat(card.getList("projects.closed.led")).containsExactly(false, false, true);
        assertThat(card.getString("projects.closed[0].role")).isEqualTo("DESIGNER");
        assertThat(dec(card, "projects.closed[2].sharePercent")).isEqualByComparingTo("60");
        assertThat(dec(card, "projects.score")).isEqualByComparingTo("85.00");
        assertThat(dec(card, "overall.score")).isEqualByComparingTo("74.00");
        assertThat(dec(card, "overall.quotaWeight")).isEqualByComparingTo("0.6");
        assertThat(dec(card, "overall.projectWeight")).isEqualByComparingTo("0.4");
        assertThat(dec(card, "overall.appliedQuotaWeight")).isEqualByComparingTo("0.6000");
        assertThat(card.getString("overall.formula")).contains("wq", "share");
        assertThat(card.getString("overall.note")).isNull();
        assertThat(card.getList("pendingGroups")).isEmpty();
    }

    @Test
    void shouldAnswerAnUnlockedMonthWithEmptyFiguresAndLetTheProjectsCarryTheWeight() {
        Team team = Team.create();
        closeHandWorkedProjects(team);

        JsonPath card = await().atMost(Duration.ofSeconds(30)).until(() -> card(ADMIN, team.anna(), "2025-04"),
                c -> c.getList("projects.closed").size() == 1);

        assertThat(card.getBoolean("locked")).isFalse();
        assertThat(card.getList("pendingGroups")).containsExactly(team.group());
        assertThat(card.getList("primary")).isEmpty();
        assertThat(card.getString("quotas.score")).isNull();
        assertThat(card.getString("workload.workloadMinutes")).isNull();
        assertThat(card.getString("projects.closed[0].closedOn")).isEqualTo("2025-04-01");
        assertThat(dec(card, "overall.score")).isEqualByComparingTo("100.00");
        assertThat(dec(card, "overall.appliedProjectWeight")).isEqualByComparingTo("1");
        assertThat(card.getString("overall.note")).contains("project part carries the whole weight");
    }

    @Test
    void shouldRollUpTheGroupsMembers() {
        Team team = Team.create();
        lockMarchWithHandWorkedFigures(team, nextId());
        closeHandWorkedProjects(team);

        JsonPath group = await().atMost(Duration.ofSeconds(30)).until(() -> groupCard(ADMIN, team.group(), "2025-03"),
                g -> g.getBoolean("locked") && g.getInt("totals.projectsClosed") == 3);

        assertThat(group.getList("members.staffId", Long.class))
                .containsExactlyInAnyOrder(team.manager(), team.anna(), team.bo());
        assertThat(group.getInt("totals.members")).isEqualTo(3);
        assertThat(group.getInt("totals.itemsWithTarget")).isEqualTo(4);
        assertThat(group.getInt("totals.itemsMet")).isEqualTo(3);
        assertThat(dec(group, "totals.shareMet")).isEqualByComparingTo("0.7500");
        assertThat(group.getLong("totals.workloadMinutes")).isEqualTo(12000);
        assertThat(group.getLong("totals.workingMinutes")).isEqualTo(30240);
        assertThat(dec(group, "totals.workloadRatio")).isEqualByComparingTo("0.3968");
        assertThat(dec(group, "totals.averageOverallScore")).isEqualByComparingTo("80.00");
        JsonPath bo = card(ADMIN, team.bo(), "2025-03");
        assertThat(dec(bo, "overall.score")).isEqualByComparingTo("96.00");
        JsonPath manager = card(ADMIN, team.manager(), "2025-03");
        assertThat(manager.getList("primary")).isEmpty();
        assertThat(dec(manager, "projects.score")).isEqualByComparingTo("70");
        assertThat(dec(manager, "overall.score")).isEqualByComparingTo("70.00");
    }

    @Test
    void shouldDropAReopenedMonthUntilItIsLockedAgainAndIgnoreAReplayedOldLock() {
        Team team = Team.create();
        long first = nextId();
        String firstLock = lockEvent(team, first, "2025-03", item("P1", "1", "1", "1", "MET", true, "PRIMARY"));
        send(PERIODS, team.group(), firstLock);
        await().atMost(Duration.ofSeconds(30)).until(() -> card(ADMIN, team.anna(), "2025-03").getBoolean("locked"));

        send(PERIODS, team.group(), envelope(UUID.randomUUID().toString(), "/ops/quota-service",
                "ops.quota.period.reopened.v1", "group/" + team.group(), """
                        {"lockId":%d,"groupCode":"%s","windowKind":"MONTH","start":"2025-03-01","end":"2025-03-31",
                         "reopenedBy":1,"reason":"late log"}""".formatted(first, team.group())));
        JsonPath reopened = await().atMost(Duration.ofSeconds(30)).until(() -> card(ADMIN, team.anna(), "2025-03"),
                c -> !c.getBoolean("locked"));
        assertThat(reopened.getList("primary")).isEmpty();

        send(PERIODS, team.group(), firstLock);
        send(PERIODS, team.group(), lockEvent(team, first, "2025-03", item("P1", "1", "1", "1", "MET", true, "PRIMARY")));
        long second = nextId();
        send(PERIODS, team.group(), lockEvent(team, second, "2025-03",
                item("P1", "1", "1", "0", "SHORT", true, "PRIMARY")));
        JsonPath relocked = await().atMost(Duration.ofSeconds(30)).until(() -> card(ADMIN, team.anna(), "2025-03"),
                c -> c.getBoolean("locked"));
        assertThat(relocked.getList("lockIds", Long.class)).containsExactly(second);
        assertThat(relocked.getString("primary[0].status")).isEqualTo("SHORT");
        assertThat(dec(relocked, "quotas.score")).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldApplyARedeliveredEventOnce() {
        Team team = Team.create();
        long lockId = nextId();
        String lock = lockEvent(team, lockId, "2025-03", item("P1", "2", "2", "2", "MET", true, "PRIMARY"));
        send(PERIODS, team.group(), lock);
        send(PERIODS, team.group(), lock);
        String project = projectEvent("ops.project.closed.v1", nextId(), "D-" + team.group(), team.group(), team.anna(),
                List.of(member(team.anna(), "LEAD", "100")), "CLOSED", 50, "2025-03-05T02:00:00Z");
        send(PROJECTS, "dup", project);
        send(PROJECTS, "dup", project);
        long marker = nextId();
        send(PERIODS, team.group(), lockEvent(team, marker, "2025-05", item("M1", "1", "1", "1", "MET", true, "PRIMARY")));
        await().atMost(Duration.ofSeconds(30)).until(() -> card(ADMIN, team.anna(), "2025-05").getBoolean("locked"));

        JsonPath card = await().atMost(Duration.ofSeconds(30)).until(() -> card(ADMIN, team.anna(), "2025-03"),
                c -> c.getList("projects.closed").size() == 1);
        assertThat(card.getList("primary")).hasSize(1);
        assertThat(card.getList("lockIds", Long.class)).containsExactly(lockId);
        assertThat(dec(card, "overall.score")).isEqualByComparingTo("80.00");
    }

    @Test
    void shouldShowACardOnlyToThePersonTheirManagerDirectorsAdminsAndBi() {
        Team team = Team.create();
        String path = "/api/v1/staff/" + team.anna() + "/scorecard?month=2025-03";
        String groupPath = "/api/v1/groups/" + team.group() + "/scorecard?month=2025-03";
        String otherGroupPath = "/api/v1/groups/CS/scorecard?month=2025-03";

        given().auth().oauth2(staffToken(team.anna())).get(path).then().statusCode(200);
        given().auth().oauth2(managerToken(team.manager())).get(path).then().statusCode(200);
        given().auth().oauth2(DIRECTOR).get(path).then().statusCode(200);
        given().auth().oauth2(ADMIN).get(path).then().statusCode(200);
        given().auth().oauth2(BI).get(path).then().statusCode(200);
        given().auth().oauth2(staffToken(team.bo())).get(path).then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(staffToken(DemoIdentities.STAFF_ID)).get(path).then().statusCode(403);

        given().auth().oauth2(managerToken(team.manager())).get(groupPath).then().statusCode(200);
        given().auth().oauth2(DIRECTOR).get(groupPath).then().statusCode(200);
        given().auth().oauth2(BI).get(groupPath).then().statusCode(200);
        given().auth().oauth2(staffToken(team.anna())).get(groupPath).then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(managerToken(team.manager())).get(otherGroupPath).then().statusCode(403);
        given().auth().oauth2(managerToken(team.manager())).get("/api/v1/staff/" + DemoIdentities.STAFF_ID
                + "/scorecard?month=2025-03").then().statusCode(403);

        for (String token : List.of(DIRECTOR, BI, managerToken(team.manager()), staffToken(team.anna()))) {
            given().auth().oauth2(token).post("/api/v1/admin/scorecard/rebuild").then().statusCode(403);
        }
    }

    @Test
    void shouldAnswer404ForUnknownStaffOrGroupAnd400ForABadMonth() {
        given().auth().oauth2(ADMIN).get("/api/v1/staff/999999999/scorecard?month=2025-03").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(ADMIN).get("/api/v1/groups/NOPE-NONE/scorecard?month=2025-03").then().statusCode(404);
        for (String month : List.of("2025-3", "2025-13", "March", "")) {
            given().auth().oauth2(ADMIN).get("/api/v1/staff/" + DemoIdentities.STAFF_ID + "/scorecard?month=" + month)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("month"));
        }
        given().auth().oauth2(ADMIN).get("/api/v1/groups/CS/scorecard").then().statusCode(400)
                .body("errors.field", hasItem("month"));
    }

    @Test
    void shouldReachTheSameCardsAfterARebuildFromTheStartOfTheTopics() {
        Team team = Team.create();
        long replaced = nextId();
        send(PERIODS, team.group(), lockEvent(team, replaced, "2025-03", item("P1", "1", "1", "0", "SHORT", true, "PRIMARY")));
        send(PERIODS, team.group(), envelope(UUID.randomUUID().toString(), "/ops/quota-service",
                "ops.quota.period.reopened.v1", "group/" + team.group(), """
                        {"lockId":%d,"groupCode":"%s","windowKind":"MONTH","start":"2025-03-01","end":"2025-03-31",
                         "reopenedBy":1,"reason":"recount"}""".formatted(replaced, team.group())));
        String lock = lockMarchWithHandWorkedFigures(team, nextId());
        send(PERIODS, team.group(), lock);
        closeHandWorkedProjects(team);
        await().atMost(Duration.ofSeconds(30)).until(() -> groupCard(ADMIN, team.group(), "2025-03"),
                g -> g.getBoolean("locked") && g.getInt("totals.projectsClosed") == 3);
        String groupBefore = groupCard(ADMIN, team.group(), "2025-03").prettify();
        String annaMarchBefore = card(ADMIN, team.anna(), "2025-03").prettify();
        String annaAprilBefore = card(ADMIN, team.anna(), "2025-04").prettify();

        long applied = given().auth().oauth2(ADMIN).post("/api/v1/admin/scorecard/rebuild").then().statusCode(200)
                .body("skipped", equalTo(0)).extract().jsonPath().getLong("applied");

        assertThat(applied).isGreaterThanOrEqualTo(8);
        assertThat(groupCard(ADMIN, team.group(), "2025-03").prettify()).isEqualTo(groupBefore);
        assertThat(card(ADMIN, team.anna(), "2025-03").prettify()).isEqualTo(annaMarchBefore);
        assertThat(card(ADMIN, team.anna(), "2025-04").prettify()).isEqualTo(annaAprilBefore);
    }

    /**
     * March 2025 of the team as the hand-worked example: anna meets 2 of 3 items with a target (P1 exceeded, P2 short,
     * F1 met; U1 unplanned), bo 1 of 1, the manager has no items. Returns the envelope it sent.
     */
    private String lockMarchWithHandWorkedFigures(Team team, long lockId) {
        String data = """
                {"lockId":%d,"groupCode":"%s","windowKind":"MONTH","start":"2025-03-01","end":"2025-03-31","lockedBy":%d,
                 "people":[
                  {"staffId":%d,"name":"Anna","items":[%s,%s,%s,%s],"workloadMinutes":7200,"workingMinutes":10080},
                  {"staffId":%d,"name":"Bo","items":[%s],"workloadMinutes":4800,"workingMinutes":10080},
                  {"staffId":%d,"name":"Manager","items":[],"workloadMinutes":0,"workingMinutes":10080}]}"""
                .formatted(lockId, team.group(), team.manager(),
                        team.anna(), item("P1", "20", "20", "22", "EXCEEDED", true, "PRIMARY"),
                        item("P2", "10", "12", "5", "SHORT", true, "PRIMARY"),
                        item("F1", "4", "4", "4", "MET", true, "FLEXIBLE"),
                        item("U1", null, null, "3", "NO_TARGET", false, null),
                        team.bo(), item("B1", "10", "10", "10", "MET", true, "PRIMARY"),
                        team.manager());
        String envelope = envelope(UUID.randomUUID().toString(), "/ops/quota-service", "ops.quota.period.locked.v1",
                "group/" + team.group(), data);
        send(PERIODS, team.group(), envelope);
        return envelope;
    }

    /**
     * Anna leads X (60 %, score 90, 2025-03-20) and assists Y (20 %, 70, 2025-03-10) and V (30 %, never evaluated);
     * Z (she leads, 100) closes on 2025-04-01 in Shanghai though still March 31 in UTC; W is cancelled; bo holds 40 %
     * of X.
     */
    private void closeHandWorkedProjects(Team team) {
        String g = team.group();
        long a = team.anna();
        sendProject("ops.project.closed.v1", "X-" + g, g, a, List.of(member(a, "LEAD", "60"), member(team.bo(), "WRITER", "40")),
                "CLOSED", 90, "2025-03-20T02:00:00Z");
        sendProject("ops.project.closed.v1", "Y-" + g, g, team.manager(),
                List.of(member(team.manager(), "LEAD", "80"), member(a, "DESIGNER", "20")), "CLOSED", 70,
                "2025-03-10T02:00:00Z");
        sendProject("ops.project.closed.v1", "V-" + g, g, team.manager(),
                List.of(member(team.manager(), "LEAD", "70"), member(a, "PHOTOGRAPHER", "30")), "CLOSED", null,
                "2025-03-12T02:00:00Z");
        sendProject("ops.project.closed.v1", "Z-" + g, g, a, List.of(member(a, "LEAD", "100")), "CLOSED", 100,
                "2025-03-31T17:30:00Z");
        sendProject("ops.project.cancelled.v1", "W-" + g, g, a, List.of(member(a, "LEAD", null)), "CANCELLED", null,
                "2025-03-15T02:00:00Z");
    }

    private void sendProject(String type, String code, String group, long lead, List<String> members, String outcome,
                             Integer score, String finishedAt) {
        long id = nextId();
        send(PROJECTS, Long.toString(id), projectEvent(type, id, code, group, lead, members, outcome, score, finishedAt));
    }

    private static String projectEvent(String type, long id, String code, String group, long lead, List<String> members,
                                       String outcome, Integer score, String finishedAt) {
        String data = """
                {"projectId":%d,"code":"%s","type":"ACTIVITY","size":"SMALL","title":"Project %s","groupCode":"%s",
                 "leadId":%d,"members":[%s],"outcome":"%s","budget":1000.00,"actualCost":900.00,"currency":"CNY",
                 "evaluationScore":%s,"plannedStart":"2025-02-01","plannedEnd":"2025-03-31",
                 "startedAt":"2025-02-03T01:00:00Z","finishedAt":"%s","cancelReason":%s}"""
                .formatted(id, code, code, group, lead, String.join(",", members), outcome, score, finishedAt,
                        "CANCELLED".equals(outcome) ? "\"no budget\"" : "null");
        return envelope(UUID.randomUUID().toString(), "/ops/project-service", type, "project/" + id, data);
    }

    private static String member(long staffId, String role, String share) {
        return """
                {"staffId":%d,"role":"%s","sharePercent":%s}""".formatted(staffId, role, share);
    }

    private static String lockEvent(Team team, long lockId, String month, String annasItem) {
        String start = month + "-01";
        String end = YearMonth.parse(month).atEndOfMonth().toString();
        return envelope(UUID.randomUUID().toString(), "/ops/quota-service", "ops.quota.period.locked.v1",
                "group/" + team.group(), """
                        {"lockId":%d,"groupCode":"%s","windowKind":"MONTH","start":"%s","end":"%s","lockedBy":%d,
                         "people":[{"staffId":%d,"name":"Anna","items":[%s],"workloadMinutes":60,"workingMinutes":480}]}"""
                        .formatted(lockId, team.group(), start, end, team.manager(), team.anna(), annasItem));
    }

    private static String item(String code, String low, String high, String done, String status, boolean planned,
                               String duty) {
        String ratio = low == null ? "null"
                : new BigDecimal(done).divide(new BigDecimal(low), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return """
                {"itemCode":"%s","targetLow":%s,"targetHigh":%s,"done":%s,"creditedMinutes":0,"ratio":%s,"status":"%s",
                 "planned":%s,"duty":%s}""".formatted(code, low, high, done, ratio, status, planned,
                duty == null ? "null" : "\"" + duty + "\"");
    }

    private static String envelope(String id, String source, String type, String subject, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","subject":"%s","time":"2025-04-02T00:00:00Z",
                 "datacontenttype":"application/json","data":%s}""".formatted(id, source, type, subject, data);
    }

    private static void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    private static JsonPath card(String token, long staffId, String month) {
        return given().auth().oauth2(token).get("/api/v1/staff/" + staffId + "/scorecard?month=" + month).then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath groupCard(String token, String group, String month) {
        return given().auth().oauth2(token).get("/api/v1/groups/" + group + "/scorecard?month=" + month).then()
                .statusCode(200).extract().jsonPath();
    }

    private static long nextId() {
        return NEXT_ID.incrementAndGet();
    }

    private static BigDecimal dec(JsonPath json, String path) {
        String value = json.getString(path);
        return value == null ? null : new BigDecimal(value);
    }
}
