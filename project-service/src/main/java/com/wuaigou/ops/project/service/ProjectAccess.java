package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.security.Caller;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.project.domain.Project;
import jakarta.enterprise.context.RequestScoped;

import java.util.HashSet;
import java.util.Set;

/**
 * Row-level rules: who may read or change which project. Role checks alone cannot say this, because a manager
 * supervises only their own group (the group's manager in the roster copy) and a lead only their own project. A
 * refusal names no project, group or version: the caller may not be allowed to see them.
 */
@RequestScoped
public class ProjectAccess {

    private final Caller caller;
    private final RosterService roster;

    ProjectAccess(Caller caller, RosterService roster) {
        this.caller = caller;
        this.roster = roster;
    }

    public long me() {
        return caller.staffId();
    }

    /** Directors and admins everywhere; a manager in the group the roster says they manage. */
    public boolean isSupervisor(Project project) {
        return isSupervisorOf(project.groupCode);
    }

    public boolean isSupervisorOf(String groupCode) {
        return caller.isDepartmentWide()
                || caller.is(Roles.MANAGER) && roster.isManagerOf(caller.staffId(), groupCode);
    }

    public boolean readsEverything() {
        return caller.isDepartmentWide() || caller.is(Roles.BI);
    }

    /** The groups whose projects the caller reads without being a member: their own and any they manage. */
    public Set<String> readableGroups() {
        Set<String> groups = new HashSet<>();
        roster.groupOf(caller.staffId()).ifPresent(groups::add);
        if (caller.is(Roles.MANAGER)) {
            groups.addAll(roster.groupsManagedBy(caller.staffId()));
        }
        return groups;
    }

    public void requireRead(Project project) {
        if (readsEverything() || project.isMember(caller.staffId()) || readableGroups().contains(project.groupCode)) {
            return;
        }
        throw ProblemException.forbidden("This project belongs to another group");
    }

    public void requireSupervisor(Project project, String what) {
        if (!isSupervisor(project)) {
            throw ProblemException.forbidden("Only the manager of the project's group or a director may " + what);
        }
    }

    public void requireLeadOrSupervisor(Project project, String what) {
        if (!project.isLead(caller.staffId()) && !isSupervisor(project)) {
            throw ProblemException.forbidden("Only the project's lead, the manager of its group or a director may "
                    + what);
        }
    }
}
