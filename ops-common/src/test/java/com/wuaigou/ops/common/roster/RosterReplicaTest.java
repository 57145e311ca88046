package com.wuaigou.ops.common.roster;

import com.wuaigou.ops.common.fixture.RosterFeed;
import com.wuaigou.ops.local.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.wuaigou.ops.common.fixture.RosterFeed.GROUPS_TOPIC;
import static com.wuaigou.ops.common.fixture.RosterFeed.STAFF_TOPIC;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/** The replica of personnel-service's roster, fed from its topics as quota-service and project-service keep it. */
@QuarkusTest
class RosterReplicaTest {

    private static final String ADMIN = DevTokens.mint(9000, "admin");

    @Inject
    RosterService roster;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldKeepTheNewestSnapshotWhenDuplicatesAndOlderSnapshotsArriveAfterIt() {
        long id = RosterFeed.nextId();
        String newest = RosterFeed.staff(id, "CS", "MEMBER", "ON_LEAVE", 3);
        RosterFeed.send(STAFF_TOPIC, id, RosterFeed.staff(id, "CS", "MEMBER", "ACTIVE", 1), newest, newest,
                RosterFeed.staff(id, "PB", "MEMBER", "ACTIVE", 2));
        RosterFeed.awaitApplied();

        given().auth().oauth2(ADMIN).get("/api/v1/roster/staff/" + id).then().statusCode(200)
                .body("version", equalTo(3)).body("status", equalTo("ON_LEAVE")).body("groupCode", equalTo("CS"))
                .body("placements.size()", equalTo(1)).body("placements[0].groupCode", equalTo("CS"));
        assertThat(ledgerEntriesOf(newest)).isEqualTo(1);
    }

    @Test
    void shouldTakeAGroupsManagerFromItsNewestSnapshotAndNotFromAPersonsRole() {
        long named = RosterFeed.nextId();
        long formerManager = RosterFeed.nextId();
        String group = "M" + named;
        RosterFeed.send(STAFF_TOPIC, formerManager, RosterFeed.staff(formerManager, group, "MANAGER", "ACTIVE", 1));
        RosterFeed.send(STAFF_TOPIC, named, RosterFeed.staff(named, group, "MEMBER", "ACTIVE", 1));
        RosterFeed.send(GROUPS_TOPIC, group, RosterFeed.group(group, named, 2), RosterFeed.group(group, formerManager, 1));
        RosterFeed.awaitApplied();

        assertThat(QuarkusTransaction.requiringNew().call(() -> roster.managerOf(group))).contains(named);
        assertThat(QuarkusTransaction.requiringNew().call(() -> roster.groupsManagedBy(formerManager))).isEmpty();
    }

    @Test
    void shouldKnowWhoBelongedToAGroupOnEachDayFromThePlacementHistory() {
        long mover = RosterFeed.nextId();
        long stayer = RosterFeed.nextId();
        String from = "F" + mover;
        String to = "T" + mover;
        RosterFeed.send(STAFF_TOPIC, mover, RosterFeed.staff(mover, to, "MEMBER", "ACTIVE", 2,
                RosterFeed.placement(from, "MEMBER", "2024-01-01", "2025-03-09"),
                RosterFeed.placement(to, "MEMBER", "2025-03-10", null)));
        RosterFeed.send(STAFF_TOPIC, stayer, RosterFeed.staff(stayer, from, "MEMBER", "ACTIVE", 1));
        RosterFeed.awaitApplied();

        QuarkusTransaction.requiringNew().run(() -> {
            RosterStaff copy = roster.staff(mover).orElseThrow();
            assertThat(copy.groupOn(LocalDate.parse("2025-03-09"))).isEqualTo(from);
            assertThat(copy.groupOn(LocalDate.parse("2025-03-10"))).isEqualTo(to);
            assertThat(copy.memberBetween(from, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"))).isTrue();
            assertThat(copy.memberBetween(from, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-30"))).isFalse();
            assertThat(roster.membersDuring(from, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31")))
                    .extracting(s -> s.id).containsExactly(mover, stayer);
            assertThat(roster.membersDuring(from, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-30")))
                    .extracting(s -> s.id).containsExactly(stayer);
        });
    }

    @Test
    void shouldReachTheSameReplicaWhenRebuiltFromTheStartOfItsTopics() {
        long id = RosterFeed.nextId();
        String group = "R" + id;
        String onLeave = RosterFeed.staff(id, group, "MEMBER", "ON_LEAVE", 2);
        RosterFeed.send(GROUPS_TOPIC, group, RosterFeed.group(group, null, 1));
        RosterFeed.send(STAFF_TOPIC, id, RosterFeed.staff(id, group, "MEMBER", "ACTIVE", 1), onLeave, onLeave);
        RosterFeed.awaitApplied();
        String before = replica();
        assertThat(before).contains(group);

        given().auth().oauth2(DevTokens.mint(id, "manager")).post("/api/v1/admin/roster/rebuild").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post("/api/v1/admin/roster/rebuild").then().statusCode(200)
                .body("read", greaterThan(3)).body("applied", greaterThan(1)).body("skipped", equalTo(0));

        assertThat(replica()).isEqualTo(before);
    }

    /** How often the de-duplication ledger holds this record's event id. */
    private long ledgerEntriesOf(String record) {
        String eventId = record.replaceFirst("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'roster' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    /** The whole replica as text, without generated row ids. */
    private String replica() {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(entityManager.createNativeQuery("""
                select string_agg(line, E'\\n' order by line) from (
                    select g::text as line from roster_group g
                    union all select s::text from roster_staff s
                    union all select concat_ws(',', staff_id, group_code, post_code, group_role, from_date, to_date)
                    from roster_placement) replica""").getSingleResult()));
    }
}
