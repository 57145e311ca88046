package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.security.Caller;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.quota.domain.RosterStaff;
import jakarta.enterprise.context.RequestScoped;

/** Row-level rules: staff act on their own work, managers on their own group, directors and admins on everything. */
@RequestScoped
public class Access {

    private final Caller caller;
    private final RosterService roster;

    Access(Caller caller, RosterService roster) {
        this.caller = caller;
        this.roster = roster;
    }

    public long callerId() {
        return caller.staffId();
    }

    public boolean manages(String groupCode) {
        return caller.isDepartmentWide()
                || (caller.is(Roles.MANAGER) && roster.isManagerOf(caller.staffId(), groupCode));
    }

    public void requireManage(String groupCode) {
        if (!manages(groupCode)) {
            throw ProblemException.forbidden("Only the manager of group " + groupCode + ", a director or an admin may do this");
        }
    }

    public void requireDepartmentWide() {
        if (!caller.isDepartmentWide()) {
            throw ProblemException.forbidden("Only a director or an admin may do this");
        }
    }

    public boolean readsEverything() {
        return caller.isDepartmentWide() || caller.is(Roles.BI);
    }

    /** Work of a person: their own, their group's manager's, or anyone department-wide. */
    public boolean mayActFor(RosterStaff staff, String groupOfWork) {
        return caller.isDepartmentWide() || staff.id == caller.staffId() || manages(groupOfWork);
    }

    public void requireReadPerson(RosterStaff staff, String groupOfWindow) {
        if (readsEverything() || staff.id == caller.staffId() || manages(groupOfWindow) || manages(staff.groupCode)) {
            return;
        }
        throw ProblemException.forbidden("Staff read only their own figures, managers their own group's");
    }

    public void requireReadGroup(String groupCode) {
        if (!readsEverything() && !manages(groupCode)) {
            throw ProblemException.forbidden("Only the manager of group " + groupCode + ", a director, an admin or bi may read it");
        }
    }
}
