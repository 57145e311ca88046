package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.roster.RosterStaff;
import com.wuaigou.ops.common.security.Caller;
import com.wuaigou.ops.common.security.GroupAccess;
import com.wuaigou.ops.common.security.GroupDirectory;
import jakarta.inject.Singleton;

/**
 * quota-service's rules over the common one: work is a person's own, their group's manager's to act on, and readable
 * by the manager of the group it was done in as well as of the person's group now (people move between groups).
 */
@Singleton
public class Access extends GroupAccess {

    Access(Caller caller, GroupDirectory groups) {
        super(caller, groups);
    }

    /** Work of a person: their own, their group's manager's, or anyone department-wide. */
    public boolean mayActFor(RosterStaff staff, String groupOfWork) {
        return isCaller(staff.id) || supervises(groupOfWork);
    }

    public void requireReadPerson(RosterStaff staff, String groupOfWindow) {
        if (readsEverything() || isCaller(staff.id) || supervises(groupOfWindow) || supervises(staff.groupCode)) {
            return;
        }
        throw ProblemException.forbidden("Staff read only their own figures, managers their own group's");
    }

    public void requireReadGroup(String groupCode) {
        if (!readsEverything() && !supervises(groupCode)) {
            throw ProblemException.forbidden("Only the manager of group " + groupCode + ", a director, an admin or bi may read it");
        }
    }
}
