package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.security.Caller;
import com.wuaigou.ops.common.security.GroupAccess;
import com.wuaigou.ops.common.security.GroupDirectory;
import com.wuaigou.ops.project.domain.Project;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Set;

/**
 * project-service's rules over the common one: who may read or change which project. A supervisor is whoever
 * {@link #supervises} the project's group (its manager, a director or an admin); a lead acts on their own project only.
 * A refusal names no project, group or version: the caller may not be allowed to see them.
 */
@Singleton
public class ProjectAccess extends GroupAccess {

    ProjectAccess(Caller caller, GroupDirectory groups) {
        super(caller, groups);
    }

    /** The groups whose projects the caller reads without being a member: their own and any they manage. */
    public Set<String> readableGroups() {
        Set<String> groups = new HashSet<>(managedGroups());
        ownGroup().ifPresent(groups::add);
        return groups;
    }

    public void requireRead(Project project) {
        if (readsEverything() || project.isMember(callerId()) || readableGroups().contains(project.groupCode)) {
            return;
        }
        throw ProblemException.forbidden("This project belongs to another group");
    }

    public void requireSupervisor(Project project, String what) {
        if (!supervises(project.groupCode)) {
            throw ProblemException.forbidden("Only the manager of the project's group or a director may " + what);
        }
    }

    public void requireLeadOrSupervisor(Project project, String what) {
        if (!project.isLead(callerId()) && !supervises(project.groupCode)) {
            throw ProblemException.forbidden("Only the project's lead, the manager of its group or a director may "
                    + what);
        }
    }
}
