package com.wuaigou.ops.project.service;

import com.wuaigou.ops.project.domain.CheckIn;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.Project;
import com.wuaigou.ops.project.service.ProjectInputs.CheckInInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Supervision while a project runs: check-ins by the lead, the group's manager or a director. */
@ApplicationScoped
public class CheckInService {

    private final ProjectChanges changes;
    private final ProjectAccess access;

    CheckInService(ProjectChanges changes, ProjectAccess access) {
        this.changes = changes;
        this.access = access;
    }

    public List<CheckIn> list(long projectId) {
        access.requireRead(changes.find(projectId));
        return CheckIn.ofProject(projectId);
    }

    @Transactional
    public Versioned<CheckIn> add(long projectId, String ifMatch, CheckInInput request) {
        Project project = changes.load(projectId, ifMatch, p -> access.requireLeadOrSupervisor(p, "record check-ins"));
        changes.requirePhase(project, "record check-ins", Phase.DO);
        CheckIn checkIn = new CheckIn();
        checkIn.projectId = projectId;
        checkIn.date = request.date();
        checkIn.progress = request.progress();
        checkIn.rag = request.rag();
        checkIn.issues = ProjectService.blankToNull(request.issues());
        checkIn.nextSteps = ProjectService.blankToNull(request.nextSteps());
        checkIn.recordedBy = access.callerId();
        checkIn.recordedAt = changes.now();
        checkIn.persist();
        return changes.done(project, access.callerId(), checkIn);
    }
}
