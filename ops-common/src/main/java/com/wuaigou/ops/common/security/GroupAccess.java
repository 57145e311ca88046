package com.wuaigou.ops.common.security;

import com.wuaigou.ops.common.problem.ProblemException;

import java.util.Optional;
import java.util.Set;

/**
 * The department's access rule, on which each service's own rules build: directors and admins act on every group, a
 * manager on the group they manage (the {@code manager} role and {@link GroupDirectory#managerOf}), everyone on their
 * own records; bi reads everything and changes nothing. A service subclasses it with the rules of its own resources.
 */
public class GroupAccess {

    private final Caller caller;
    private final GroupDirectory groups;

    protected GroupAccess(Caller caller, GroupDirectory groups) {
        this.caller = caller;
        this.groups = groups;
    }

    /** The caller's staff id; 403 when the token's subject is not one. */
    public long callerId() {
        return caller.staffId();
    }

    /** Whether the token's subject is this staff id. */
    public boolean isCaller(long staffId) {
        return staffId().filter(id -> id == staffId).isPresent();
    }

    /** Directors and admins. */
    public boolean isDepartmentWide() {
        return caller.isDepartmentWide();
    }

    /** bi without any role that may change something. */
    public boolean isReadOnly() {
        return caller.isReadOnly();
    }

    /** Directors, admins and bi read the data of every group and person. */
    public boolean readsEverything() {
        return caller.isDepartmentWide() || caller.is(Roles.BI);
    }

    /** Whether the caller holds the manager role and is the group's manager. */
    public boolean manages(String groupCode) {
        if (!caller.is(Roles.MANAGER)) {
            return false;
        }
        Optional<Long> me = staffId();
        return me.isPresent() && groups.managerOf(groupCode).filter(me.get()::equals).isPresent();
    }

    /** Directors and admins act on every group, a manager on the group they manage. */
    public boolean supervises(String groupCode) {
        return caller.isDepartmentWide() || manages(groupCode);
    }

    public void requireSupervise(String groupCode) {
        if (!supervises(groupCode)) {
            throw ProblemException.forbidden("Only the manager of group " + groupCode
                    + ", a director or an admin may do this");
        }
    }

    public void requireDepartmentWide() {
        if (!caller.isDepartmentWide()) {
            throw ProblemException.forbidden("Only a director or an admin may do this");
        }
    }

    /** The group the caller is placed in now. */
    public Optional<String> ownGroup() {
        return staffId().flatMap(groups::groupOf);
    }

    /** The groups the caller manages; none without the manager role. */
    public Set<String> managedGroups() {
        if (!caller.is(Roles.MANAGER)) {
            return Set.of();
        }
        return staffId().map(groups::groupsManagedBy).orElse(Set.of());
    }

    /** Empty for a token whose subject is no staff id: such a caller is nobody's manager and owns no records. */
    private Optional<Long> staffId() {
        try {
            return Optional.of(caller.staffId());
        } catch (ProblemException notAStaffId) {
            return Optional.empty();
        }
    }
}
