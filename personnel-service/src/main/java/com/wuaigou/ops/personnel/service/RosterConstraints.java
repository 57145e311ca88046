package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.problem.ConstraintConflict;
import com.wuaigou.ops.common.problem.ConstraintConflicts;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The roster's rules the database enforces too. When two requests race past the services' checks, the loser's
 * violation, found in a statement, at a flush or at commit, answers the same rule's 409 as the check would.
 */
@ApplicationScoped
public class RosterConstraints implements ConstraintConflicts {

    @Override
    public List<ConstraintConflict> all() {
        return List.of(
                new ConstraintConflict("staff_employee_number_unique", RosterRules.UNIQUE_EMPLOYEE_NUMBER,
                        "The employee number was taken by a concurrent change"),
                new ConstraintConflict("staff_group_pkey", RosterRules.UNIQUE_GROUP_CODE,
                        "A group with this code was created by a concurrent change"),
                new ConstraintConflict("post_pkey", RosterRules.UNIQUE_POST_CODE,
                        "A post with this code was created by a concurrent change"),
                new ConstraintConflict("placement_one_open", RosterRules.ONE_GROUP_AT_A_TIME,
                        "A concurrent change placed the person at the same time"));
    }
}
