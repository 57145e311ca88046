package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.roster.RosterService;
import com.wuaigou.ops.common.roster.RosterStaff;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Who work can be assigned to or recorded for: a person the roster copy knows, who has not left. */
@ApplicationScoped
public class WorkingStaff {

    private final RosterService roster;

    WorkingStaff(RosterService roster) {
        this.roster = roster;
    }

    /** The person, or a refusal naming {@code field}: unknown-staff or staff-left. */
    public RosterStaff require(long staffId, String field) {
        return working(roster.staff(staffId), staffId, field);
    }

    /**
     * The person from this instance's copies ({@link RosterService#remembered}), or a refusal as {@link #require}: a
     * write that relies on the copy checks it is current in its own statement.
     */
    public RosterStaff requireRemembered(long staffId, String field) {
        return working(roster.remembered(staffId), staffId, field);
    }

    /** Drops this instance's copy of the person. */
    public void forget(long staffId) {
        roster.forget(staffId);
    }

    private static RosterStaff working(Optional<RosterStaff> found, long staffId, String field) {
        RosterStaff staff = found.orElseThrow(() -> ProblemException.ruleViolation("unknown-staff",
                "No staff member with id " + staffId + " is known", List.of(new Problem.FieldError(field, "unknown staff id"))));
        if (staff.hasLeft()) {
            throw ProblemException.ruleViolation("staff-left", "Staff member " + staffId + " has left the department",
                    List.of(new Problem.FieldError(field, "has left")));
        }
        return staff;
    }
}
