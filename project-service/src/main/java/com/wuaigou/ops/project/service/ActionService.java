package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.project.domain.ActionStatus;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.Project;
import com.wuaigou.ops.project.domain.ProjectAction;
import com.wuaigou.ops.project.service.ProjectInputs.ActionInput;
import com.wuaigou.ops.project.service.ProjectInputs.ActionStatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;

/** The action plan: the lead plans it, each owner reports on their own actions. */
@ApplicationScoped
public class ActionService {

    private final ProjectChanges changes;
    private final ProjectAccess access;
    private final DepartmentClock clock;

    ActionService(ProjectChanges changes, ProjectAccess access, DepartmentClock clock) {
        this.changes = changes;
        this.access = access;
        this.clock = clock;
    }

    public LocalDate today() {
        return clock.today();
    }

    public List<ProjectAction> list(long projectId) {
        access.requireRead(changes.find(projectId));
        return ProjectAction.ofProject(projectId);
    }

    public long overdueCount(long projectId) {
        return ProjectAction.count("projectId = ?1 and status = ?2 and dueDate < ?3", projectId, ActionStatus.OPEN,
                today());
    }

    @Transactional
    public Versioned<ProjectAction> add(long projectId, String ifMatch, ActionInput request) {
        Project project = changes.load(projectId, ifMatch, p -> access.requireLeadOrSupervisor(p, "plan actions"));
        changes.requirePhase(project, "add actions", Phase.PLAN, Phase.DO);
        requireMemberOwner(project, request.ownerId());
        ProjectAction action = new ProjectAction();
        action.projectId = projectId;
        apply(action, request);
        action.persist();
        project.planChanged();
        return changes.done(project, access.callerId(), action);
    }

    @Transactional
    public Versioned<ProjectAction> edit(long projectId, long actionId, String ifMatch, ActionInput request) {
        Project project = changes.load(projectId, ifMatch, p -> access.requireLeadOrSupervisor(p, "plan actions"));
        changes.requirePhase(project, "edit actions", Phase.PLAN, Phase.DO);
        requireMemberOwner(project, request.ownerId());
        ProjectAction action = action(projectId, actionId);
        apply(action, request);
        project.planChanged();
        return changes.done(project, access.callerId(), action);
    }

    /** The owner, the lead or a supervisor marks an action done, dropped (with a reason) or open again. */
    @Transactional
    public Versioned<ProjectAction> changeStatus(long projectId, long actionId, String ifMatch,
                                                 ActionStatusChange request) {
        // Asked as one question, so that a refused caller does not learn whether the action exists.
        Project project = changes.load(projectId, ifMatch, p -> {
            if (!ProjectAction.isOwnedBy(projectId, actionId, access.callerId())) {
                access.requireLeadOrSupervisor(p, "update actions owned by others");
            }
        });
        ProjectAction action = action(projectId, actionId);
        changes.requirePhase(project, "update actions", Phase.PLAN, Phase.DO);
        String reason = ProjectService.blankToNull(request.reason());
        if (request.status() == ActionStatus.DROPPED && reason == null) {
            throw ProblemException.ruleViolation("drop-needs-reason", "A dropped action needs a reason",
                    List.of(new Problem.FieldError("reason", "is required when dropping an action")));
        }
        action.status = request.status();
        action.dropReason = request.status() == ActionStatus.DROPPED ? reason : null;
        action.updatedBy = access.callerId();
        action.updatedAt = changes.now();
        return changes.done(project, access.callerId(), action);
    }

    private void apply(ProjectAction action, ActionInput request) {
        action.title = request.title().trim();
        action.ownerId = request.ownerId();
        action.dueDate = request.dueDate();
        action.updatedBy = access.callerId();
        action.updatedAt = changes.now();
    }

    private static void requireMemberOwner(Project project, long ownerId) {
        if (!project.isMember(ownerId)) {
            throw ProblemException.ruleViolation("owner-not-member", "Staff " + ownerId + " is not in project "
                    + project.code, List.of(new Problem.FieldError("ownerId", "must be the lead or an assistant")));
        }
    }

    private static ProjectAction action(long projectId, long actionId) {
        return ProjectAction.<ProjectAction>findByIdOptional(actionId).filter(a -> a.projectId == projectId)
                .orElseThrow(() -> ProblemException.notFound("action", actionId));
    }
}
