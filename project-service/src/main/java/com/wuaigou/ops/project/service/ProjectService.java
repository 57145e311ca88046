package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.roster.RosterService;
import com.wuaigou.ops.common.roster.RosterStaff;
import com.wuaigou.ops.project.domain.ActivitySize;
import com.wuaigou.ops.project.domain.Assistant;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.PhaseTransition;
import com.wuaigou.ops.project.domain.Project;
import com.wuaigou.ops.project.domain.ProjectType;
import com.wuaigou.ops.project.domain.SuccessCriterion;
import com.wuaigou.ops.project.service.ProjectInputs.AssistantInput;
import com.wuaigou.ops.project.service.ProjectInputs.NewProject;
import com.wuaigou.ops.project.service.ProjectInputs.ProjectEdit;
import com.wuaigou.ops.project.service.ProjectInputs.ProposalInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Project units: creation, their core, the proposal and its approval. */
@ApplicationScoped
public class ProjectService {

    private static final String CODE_KEY = "project_code_key";

    private final ProjectChanges changes;
    private final ProjectAccess access;
    private final RosterService roster;

    ProjectService(ProjectChanges changes, ProjectAccess access, RosterService roster) {
        this.changes = changes;
        this.access = access;
        this.roster = roster;
    }

    public Project get(long id) {
        Project project = changes.find(id);
        access.requireRead(project);
        return project;
    }

    public List<PhaseTransition> history(long id) {
        get(id);
        return PhaseTransition.ofProject(id);
    }

    /** A new project in PLAN; created by the owning group's manager, a director or an admin. */
    @Transactional
    public Project create(NewProject request) {
        if (!access.supervises(request.groupCode())) {
            throw ProblemException.forbidden("Only the manager of group " + request.groupCode()
                    + " or a director may create its projects");
        }
        if (Project.count("code", request.code()) > 0) {
            throw duplicateCode(request.code());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (roster.group(request.groupCode()).isEmpty()) {
            errors.add(new Problem.FieldError("groupCode", "group " + request.groupCode() + " is not known to the roster"));
        }
        errors.addAll(invalidCore(request.type(), request.size(), request.leadId(), request.assistants(),
                request.plannedStart(), request.plannedEnd()));
        rejectIfAny(errors);

        Project project = new Project();
        project.code = request.code();
        project.type = request.type();
        project.groupCode = request.groupCode();
        applyCore(project, request.title(), request.size(), request.leadId(), assistants(request.assistants()),
                request.plannedStart(), request.plannedEnd());
        project.phase = Phase.PLAN;
        project.createdBy = access.callerId();
        project.createdAt = changes.now();
        project.touch(access.callerId(), project.createdAt);
        try {
            project.persist();
            project.flush();
        } catch (ConstraintViolationException e) {
            // A concurrent create took the code after the check above: the unique key is the last word.
            if (CODE_KEY.equals(e.getConstraintName())) {
                throw duplicateCode(request.code());
            }
            throw e;
        }
        return project;
    }

    private static ProblemException duplicateCode(String code) {
        return new ProblemException(409, "duplicate-code", "Conflict", "code already exists: " + code,
                List.of(new Problem.FieldError("code", "already exists")));
    }

    /** Replaces the core of an open project; only a supervisor may hand the lead to someone else. */
    @Transactional
    public Versioned<Project> edit(long id, String ifMatch, ProjectEdit request) {
        Project project = changes.load(id, ifMatch, p -> {
            access.requireLeadOrSupervisor(p, "edit the project");
            if (!Objects.equals(p.leadId, request.leadId()) && !access.supervises(p.groupCode)) {
                throw ProblemException.forbidden("Only the group's manager or a director may change the lead");
            }
        });
        changes.requirePhase(project, "edit the project", Phase.PLAN, Phase.DO, Phase.CHECK, Phase.ACT);
        if (!Objects.equals(project.leadId, request.leadId()) && project.phase.fixesTheLead()) {
            throw new ProblemException(409, "lead-locked", "Conflict", "The lead cannot change while the project is in "
                    + project.phase + ": from CHECK on the lead's work is being judged",
                    List.of(new Problem.FieldError("leadId", "must stay " + project.leadId + " in " + project.phase)));
        }
        Set<Assistant> assistants = assistants(request.assistants());
        if (!project.hasMembers(request.leadId(), assistants)) {
            changes.requireUnsettled(project, "change the members", List.of(
                    new Problem.FieldError("assistants", "must stay as settled: staff and roles")));
        }
        rejectIfAny(invalidCore(project.type, request.size(), request.leadId(), request.assistants(),
                request.plannedStart(), request.plannedEnd()));
        applyCore(project, request.title(), request.size(), request.leadId(), assistants,
                request.plannedStart(), request.plannedEnd());
        project.planChanged();
        return changes.done(project, access.callerId(), project);
    }

    /** Saves the proposal (possibly incomplete) during PLAN; any change withdraws an earlier approval. */
    @Transactional
    public Versioned<Project> propose(long id, String ifMatch, ProposalInput request) {
        Project project = changes.load(id, ifMatch, p -> access.requireLeadOrSupervisor(p, "edit the proposal"));
        changes.requirePhase(project, "edit the proposal", Phase.PLAN);
        project.objectives = blankToNull(request.objectives());
        project.successCriteria.clear();
        if (request.successCriteria() != null) {
            request.successCriteria().forEach(c -> project.successCriteria.add(new SuccessCriterion(c.trim())));
        }
        project.planChanged();
        return changes.done(project, access.callerId(), project);
    }

    /** The group's manager or a director approves the plan; the PLAN to DO gate needs it. */
    @Transactional
    public Versioned<Project> approve(long id, String ifMatch) {
        Project project = changes.load(id, ifMatch, p -> access.requireSupervisor(p, "approve the plan"));
        changes.requirePhase(project, "approve the plan", Phase.PLAN);
        project.approvedBy = access.callerId();
        project.approvedAt = changes.now();
        return changes.done(project, access.callerId(), project);
    }

    private List<Problem.FieldError> invalidCore(ProjectType type, ActivitySize size, Long leadId,
                                                 List<AssistantInput> assistants, LocalDate start, LocalDate end) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (type == ProjectType.ACTIVITY && size == null) {
            errors.add(new Problem.FieldError("size", "an activity is LARGE or SMALL"));
        }
        if (type == ProjectType.PRODUCT && size != null) {
            errors.add(new Problem.FieldError("size", "only activities have a size"));
        }
        if (end.isBefore(start)) {
            errors.add(new Problem.FieldError("plannedEnd", "must not be before plannedStart"));
        }
        notActive("leadId", leadId).ifPresent(errors::add);
        Set<Long> seen = new HashSet<>();
        List<AssistantInput> list = assistants == null ? List.of() : assistants;
        for (int i = 0; i < list.size(); i++) {
            long staffId = list.get(i).staffId();
            String field = "assistants[" + i + "].staffId";
            if (staffId == leadId) {
                errors.add(new Problem.FieldError(field, "the lead cannot also assist"));
            } else if (!seen.add(staffId)) {
                errors.add(new Problem.FieldError(field, "staff " + staffId + " is listed twice"));
            } else {
                notActive(field, staffId).ifPresent(errors::add);
            }
        }
        return errors;
    }

    /** Why {@code staffId} cannot take part in a project, or empty when they are active staff known to the roster. */
    private Optional<Problem.FieldError> notActive(String field, long staffId) {
        Optional<RosterStaff> staff = roster.staff(staffId);
        if (staff.isEmpty()) {
            return Optional.of(new Problem.FieldError(field, "staff " + staffId + " is not known to the roster"));
        }
        if (!staff.get().isActive()) {
            return Optional.of(new Problem.FieldError(field, "staff " + staffId + " is " + staff.get().status
                    + ", not ACTIVE"));
        }
        return Optional.empty();
    }

    private static void applyCore(Project project, String title, ActivitySize size, Long leadId,
                                  Set<Assistant> assistants, LocalDate start, LocalDate end) {
        project.title = title.trim();
        project.size = size;
        project.replaceMembers(leadId, assistants);
        project.plannedStart = start;
        project.plannedEnd = end;
    }

    private static Set<Assistant> assistants(List<AssistantInput> assistants) {
        Set<Assistant> result = new HashSet<>();
        if (assistants != null) {
            assistants.forEach(a -> result.add(new Assistant(a.staffId(), a.role().trim())));
        }
        return result;
    }

    static void rejectIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation("invalid-project", errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " things are wrong", errors);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
