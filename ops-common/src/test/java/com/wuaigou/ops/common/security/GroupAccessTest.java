package com.wuaigou.ops.common.security;

import com.wuaigou.ops.common.fixture.RosterFeed;
import com.wuaigou.ops.common.roster.RosterService;
import com.wuaigou.ops.local.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** The common access rule, answered from the roster replica as quota-service and project-service answer it. */
@QuarkusTest
class GroupAccessTest {

    @Inject
    RosterService roster;

    private String group;
    private long manager;
    private long member;

    @BeforeEach
    void aGroupWithItsManagerAndAMember() {
        manager = RosterFeed.nextId();
        member = RosterFeed.nextId();
        group = "A" + manager;
        feed(RosterFeed.staff(manager, group, "MANAGER", "ACTIVE", 1), RosterFeed.staff(member, group, "MEMBER", "ACTIVE", 1),
                RosterFeed.group(group, manager, 1));
    }

    @Test
    void shouldLetTheManagerTheGroupNamesManageItWithTheManagerRole() {
        about(manager, "manager").body("manages", equalTo(true)).body("supervises", equalTo(true))
                .body("ownGroup", equalTo(group)).body("managedGroups", equalTo(List.of(group)));
        about(manager, "staff").body("manages", equalTo(false)).body("supervises", equalTo(false))
                .body("managedGroups", empty());
    }

    @Test
    void shouldNotTakeAPersonsManagerRoleForTheGroupsManager() {
        long appointedInStaffSnapshotOnly = RosterFeed.nextId();
        feed(RosterFeed.staff(appointedInStaffSnapshotOnly, group, "MANAGER", "ACTIVE", 1));
        about(appointedInStaffSnapshotOnly, "manager").body("manages", equalTo(false)).body("supervises", equalTo(false));

        feed(RosterFeed.group(group, appointedInStaffSnapshotOnly, 2));
        about(appointedInStaffSnapshotOnly, "manager").body("manages", equalTo(true));
        about(manager, "manager").body("manages", equalTo(false)).body("managedGroups", empty());
    }

    @Test
    void shouldLetDirectorsAndAdminsSuperviseEveryGroupWithoutManagingIt() {
        about(1, "director").body("supervises", equalTo(true)).body("manages", equalTo(false))
                .body("readsEverything", equalTo(true));
        about(9000, "admin").body("supervises", equalTo(true)).body("readsEverything", equalTo(true));
    }

    @Test
    void shouldLetBiReadEverythingAndActOnNoGroup() {
        about(50, "bi").body("readsEverything", equalTo(true)).body("supervises", equalTo(false));
    }

    @Test
    void shouldGiveAMemberTheirOwnGroupAndNoRightOverIt() {
        about(member, "staff").body("ownGroup", equalTo(group)).body("supervises", equalTo(false))
                .body("readsEverything", equalTo(false));
        about(member, "manager").body("manages", equalTo(false));
    }

    private ValidatableResponse about(long staffId, String role) {
        return given().auth().oauth2(DevTokens.mint(staffId, role)).get("/api/v1/access/" + group).then().statusCode(200);
    }

    private void feed(String... records) {
        QuarkusTransaction.requiringNew().run(() -> List.of(records).forEach(roster::apply));
    }
}
