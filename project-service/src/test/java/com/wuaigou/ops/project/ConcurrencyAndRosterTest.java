package com.wuaigou.ops.project;

import com.wuaigou.ops.project.domain.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.wuaigou.ops.project.Api.PROJECTS;
import static com.wuaigou.ops.project.Api.lead;
import static com.wuaigou.ops.project.Api.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ConcurrencyAndRosterTest {

    @Inject
    EntityManager entityManager;

    @Inject
    UserTransaction transaction;

    @Test
    void shouldRefuseAnEditBasedOnAStaleETag() {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        Response read = lead(team).get(PROJECTS + "/" + id).then().statusCode(200).extract().response();
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.jsonPath().getLong("version") + "\"");
        Response changed = lead(team).header("If-Match", etag).body(Map.of("objectives", "First"))
                .put(PROJECTS + "/" + id + "/proposal").then().statusCode(200).extract().response();
        String newer = changed.header("ETag");
        assertThat(newer).isNotEqualTo(etag).isEqualTo("\"" + changed.jsonPath().getLong("version") + "\"");
        manager(team).header("If-Match", etag).body(Map.of("objectives", "Second"))
                .put(PROJECTS + "/" + id + "/proposal").then().statusCode(412)
                .contentType("application/problem+json");
        lead(team).header("If-Match", etag).body(Map.of("category", "ads", "planned", "1.00"))
                .post(PROJECTS + "/" + id + "/budget/lines").then().statusCode(412);
        lead(team).header("If-Match", "not-a-version").body(Map.of("objectives", "Third"))
                .put(PROJECTS + "/" + id + "/proposal").then().statusCode(400);
        lead(team).body(Map.of("objectives", "Fourth")).put(PROJECTS + "/" + id + "/proposal").then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ops.wuaigou.com/problems/precondition-required"));
        Api.director().get(PROJECTS + "/" + id).then().body("proposal.objectives", equalTo("First"))
                .header("ETag", equalTo(newer));
    }

    @Test
    void shouldAnswerConflictToTheLoserOfARaceThatAcceptedAnyVersion() throws Exception {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        AtomicReference<CompletableFuture<Integer>> loser = new AtomicReference<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Project winner = Project.findById(id);
            winner.title = "Won the race";
            Project.flush();
            loser.set(CompletableFuture.supplyAsync(() -> lead(team).body(Map.of("objectives", "Lost the race"))
                    .header("If-Match", "*").put(PROJECTS + "/" + id + "/proposal").statusCode()));
            // The loser has read the old version and now waits for the winner's row lock.
            await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> ((Number) Project.getEntityManager()
                    .createNativeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                    .getSingleResult()).intValue() > 0);
        });
        assertThat(loser.get().get(30, TimeUnit.SECONDS)).isEqualTo(409);
        Api.director().get(PROJECTS + "/" + id).then().body("title", equalTo("Won the race"))
                .body("proposal.objectives", equalTo(null));
    }

    @Test
    void shouldCreateOneProjectAndRefuseTheOtherWhenTwoCreatesOfOneCodeRace() throws Exception {
        Roster.Team team = Roster.team();
        Map<String, Object> request = Api.newProject(team);
        // An uncommitted row with the same code lets both requests pass the service's check and stops both at the
        // unique index; rolled back, it lets one insert while the other collides with that one's row.
        transaction.begin();
        entityManager.createNativeQuery("""
                insert into project (code, type, title, group_code, lead_id, planned_start, planned_end, phase,
                                     created_by, created_at, updated_by, updated_at)
                values (?1, 'PRODUCT', 'placeholder', ?2, 0, current_date, current_date, 'PLAN', 0, now(), 0, now())""")
                .setParameter(1, request.get("code")).setParameter(2, team.group()).executeUpdate();
        List<CompletableFuture<Response>> racers = releasedTogether(() -> manager(team).body(request).post(PROJECTS));
        awaitBlocked("insert into project", 2);
        transaction.rollback();

        Map<Integer, Response> answers = byStatus(racers);
        assertThat(answers).containsOnlyKeys(201, 409);
        answers.get(409).then().contentType("application/problem+json")
                .body("type", equalTo("https://ops.wuaigou.com/problems/duplicate-code"))
                .body("detail", containsString("code already exists")).body("errors.field", equalTo(List.of("code")));
    }

    @Test
    void shouldAnswerPreconditionFailedToTheLoserOfTwoEditsWithTheSameIfMatch() throws Exception {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        String etag = lead(team).get(PROJECTS + "/" + id).then().statusCode(200).extract().header("ETag");
        // The test holds the project's row, so both edits read the same version, pass If-Match and wait to write it.
        transaction.begin();
        entityManager.createNativeQuery("select id from project where id = ?1 for update").setParameter(1, id)
                .getResultList();
        List<CompletableFuture<Response>> racers = releasedTogether(() -> lead(team).header("If-Match", etag)
                .body(Api.core(team.leadId(), Map.of(team.assistantId(), "copywriter"))).put(PROJECTS + "/" + id));
        awaitBlocked("update project", 2);
        transaction.commit();

        Map<Integer, Response> answers = byStatus(racers);
        assertThat(answers).containsOnlyKeys(200, 412);
        answers.get(412).then().contentType("application/problem+json")
                .body("type", equalTo("https://ops.wuaigou.com/problems/stale-version"));
        Api.director().get(PROJECTS + "/" + id).then().header("ETag", equalTo(answers.get(200).header("ETag")));
    }

    /** Two threads send the same request, released together by a barrier. */
    private static List<CompletableFuture<Response>> releasedTogether(Supplier<Response> request) {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            return Stream.generate(() -> CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return request.get();
            }, racers)).limit(2).toList();
        } finally {
            racers.shutdown();
        }
    }

    /** The racers' answers by status; two answers with one status leave one entry. */
    private static Map<Integer, Response> byStatus(List<CompletableFuture<Response>> racers) throws Exception {
        Map<Integer, Response> answers = new HashMap<>();
        for (CompletableFuture<Response> racer : racers) {
            Response answer = racer.get(60, TimeUnit.SECONDS);
            answers.put(answer.statusCode(), answer);
        }
        return answers;
    }

    /** Waits until {@code count} sessions of this database wait for a lock in a statement starting with {@code sql}. */
    private void awaitBlocked(String sql, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number)
                entityManager.createNativeQuery("""
                        select count(*) from pg_stat_activity where datname = current_database()
                        and wait_event_type = 'Lock' and query ilike ?1""")
                        .setParameter(1, sql + "%").getSingleResult()).intValue() >= count));
    }

    @Test
    void shouldTakeTheGroupsManagerFromTheNewestGroupSnapshot() {
        Roster.Team team = Roster.team();
        long id = Api.create(team);
        Api.propose(team, id);
        Roster.group(team.group(), team.memberId(), 2);
        Roster.awaitGroup(team.group(), 2);
        manager(team).header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/approval").then().statusCode(403);
        Api.as(team.memberId(), "manager").header("If-Match", Api.current(id))
                .post(PROJECTS + "/" + id + "/approval").then().statusCode(200)
                .body("approval.by", equalTo((int) team.memberId()));
    }

    @Test
    void shouldRefuseLeadsAndAssistantsWhoAreNotActiveOrNotKnown() {
        Roster.Team team = Roster.team();
        Roster.staff(team.memberId(), team.group(), "MEMBER", "LEFT", 2);
        Roster.awaitStaff(team.memberId(), 2);
        Map<String, Object> request = new HashMap<>(Api.newProject(team));
        request.put("leadId", team.memberId());
        request.put("assistants", List.of(Map.of("staffId", 99_999_999L, "role", "helper")));
        manager(team).body(request).post(PROJECTS).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("leadId", "assistants[0].staffId"));
        request.put("leadId", team.leadId());
        request.put("assistants", List.of());
        request.put("groupCode", "NO-SUCH-GROUP");
        Api.director().body(request).post(PROJECTS).then().statusCode(422)
                .body("errors.field", equalTo(List.of("groupCode")));
        request.put("groupCode", team.group());
        request.remove("size");
        manager(team).body(request).post(PROJECTS).then().statusCode(422)
                .body("errors.field", equalTo(List.of("size")));
    }

    @Test
    void shouldRefuseADuplicateCodeAndInvalidInput() {
        Roster.Team team = Roster.team();
        Map<String, Object> request = Api.newProject(team);
        manager(team).body(request).post(PROJECTS).then().statusCode(201);
        manager(team).body(request).post(PROJECTS).then().statusCode(409);
        Map<String, Object> broken = new HashMap<>(request);
        broken.put("code", "");
        broken.put("type", "CAMPAIGN");
        manager(team).body(broken).post(PROJECTS).then().statusCode(400);
        manager(team).queryParam("size", 1000).get(PROJECTS).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}
