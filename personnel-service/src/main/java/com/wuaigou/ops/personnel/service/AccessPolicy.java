package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.security.Caller;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffGroup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Objects;

/** Row-level rules on top of the roles: a manager acts on their own group only; contact details stay private. */
@ApplicationScoped
public class AccessPolicy {

    private final Caller caller;

    AccessPolicy(Caller caller) {
        this.caller = caller;
    }

    /** The person themself, the manager of their group, directors and admins; never bi alone. */
    public boolean maySeeContact(Staff staff) {
        if (caller.isDepartmentWide()) {
            return true;
        }
        if (caller.isReadOnly()) {
            return false;
        }
        Long callerId = callerStaffId();
        return Objects.equals(callerId, staff.id) || managesGroup(callerId, staff.groupCode);
    }

    /** Directors and admins act everywhere; a manager only within the group they manage. */
    public void requireManagerOf(String groupCode) {
        if (caller.isDepartmentWide()) {
            return;
        }
        if (!managesGroup(callerStaffId(), groupCode)) {
            throw ProblemException.forbidden("Only the manager of group " + groupCode
                    + ", a director or an admin may do this");
        }
    }

    /** Whether the caller holds the manager role and is the group's manager. */
    public boolean manages(String groupCode) {
        return managesGroup(callerStaffId(), groupCode);
    }

    /** Whether the token's subject is this staff id. */
    public boolean isCaller(long staffId) {
        return Objects.equals(callerStaffId(), staffId);
    }

    /** Directors, admins and bi read every scorecard. */
    public boolean readsAllScorecards() {
        return caller.isDepartmentWide() || caller.is(Roles.BI);
    }

    private boolean managesGroup(Long callerId, String groupCode) {
        if (callerId == null || !caller.is(Roles.MANAGER)) {
            return false;
        }
        StaffGroup group = StaffGroup.findById(groupCode);
        return group != null && callerId.equals(group.managerId);
    }

    private Long callerStaffId() {
        try {
            return caller.staffId();
        } catch (ProblemException notAStaffId) {
            return null;
        }
    }
}
