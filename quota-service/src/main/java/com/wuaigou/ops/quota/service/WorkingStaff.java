package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.roster.RosterService;
import com.wuaigou.ops.common.roster.RosterStaff;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Who work can be assigned to or recorded for: a person the roster copy knows, who has not left. */
@ApplicationScoped
public class WorkingStaff {

    private final RosterService roster;

    WorkingStaff(RosterService roster) {
        this.roster = roster;
    }

    /** The person, or a refusal naming {@code field}: unknown-staff or staff-left. */
    public RosterStaff require(long staffId, String field) {
        RosterStaff staff = roster.staff(staffId).orElseThrow(() -> ProblemException.ruleViolation("unknown-staff",
                "No staff member with id " + staffId + " is known", List.of(new Problem.FieldError(field, "unknown staff id"))));
        if (staff.hasLeft()) {
            throw ProblemException.ruleViolation("staff-left", "Staff member " + staffId + " has left the department",
                    List.of(new Problem.FieldError(field, "has left")));
        }
        return staff;
    }
}
