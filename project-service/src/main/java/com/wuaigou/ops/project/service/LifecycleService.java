package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.project.domain.ActionStatus;
import com.wuaigou.ops.project.domain.Assistant;
import com.wuaigou.ops.project.domain.BudgetLine;
import com.wuaigou.ops.project.domain.Expense;
import com.wuaigou.ops.project.domain.MemberShare;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.PhaseTransition;
import com.wuaigou.ops.project.domain.Project;
import com.wuaigou.ops.project.domain.ProjectAction;
import com.wuaigou.ops.project.domain.SuccessCriterion;
import com.wuaigou.ops.project.events.ProjectEventPayloads;
import com.wuaigou.ops.project.events.ProjectEvents;
import com.wuaigou.ops.project.service.ProjectInputs.CriterionResult;
import com.wuaigou.ops.project.service.ProjectInputs.EvaluationInput;
import com.wuaigou.ops.project.service.ProjectInputs.FollowUpInput;
import com.wuaigou.ops.project.service.ProjectInputs.LineCost;
import com.wuaigou.ops.project.service.ProjectInputs.SettlementInput;
import com.wuaigou.ops.project.service.ProjectInputs.ShareInput;
import com.wuaigou.ops.project.service.ProjectInputs.TransitionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The PDCA cycle: phase transitions and their gates, the evaluation, the follow-up and the settlement. */
@ApplicationScoped
public class LifecycleService {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final ProjectChanges changes;
    private final ProjectAccess access;
    private final ProjectEvents events;

    LifecycleService(ProjectChanges changes, ProjectAccess access, ProjectEvents events) {
        this.changes = changes;
        this.access = access;
        this.events = events;
    }

    /**
     * Moves the project on if the gate of the target phase is passed; the refusal lists everything still missing.
     * The lead or a supervisor moves a project through PLAN to ACT; closing and cancelling are the supervisor's.
     */
    @Transactional
    public Versioned<PhaseTransition> transition(long projectId, String ifMatch, TransitionRequest request) {
        Phase to = request.to();
        Project project = changes.load(projectId, ifMatch, p -> {
            if (to == Phase.CLOSED || to == Phase.CANCELLED) {
                access.requireSupervisor(p, (to == Phase.CLOSED ? "close" : "cancel") + " a project");
            } else {
                access.requireLeadOrSupervisor(p, "move the project on");
            }
        });
        Phase from = project.phase;
        String reason = ProjectService.blankToNull(request.reason());
        if (!from.canMoveTo(to)) {
            throw ProblemException.ruleViolation("transition-not-allowed", "Project " + project.code + " is in " + from
                    + " and cannot move to " + to, List.of(new Problem.FieldError("to", from.next()
                    .map(next -> "from " + from + " only " + next + " or CANCELLED").orElse(from + " is final"))));
        }
        List<Problem.FieldError> missing = missingFor(project, to, reason);
        if (!missing.isEmpty()) {
            throw ProblemException.ruleViolation("gate-not-passed", "Project " + project.code + " cannot move from "
                    + from + " to " + to + ": " + missing.size() + " thing(s) missing", missing);
        }

        PhaseTransition transition = new PhaseTransition();
        transition.projectId = projectId;
        transition.from = from;
        transition.to = to;
        transition.requestedBy = access.callerId();
        transition.requestedAt = changes.now();
        transition.reason = reason;
        transition.persist();

        project.phase = to;
        if (to == Phase.DO) {
            project.startedAt = transition.requestedAt;
        }
        if (to == Phase.CLOSED || to == Phase.CANCELLED) {
            project.closedAt = transition.requestedAt;
            project.cancelReason = to == Phase.CANCELLED ? reason : null;
        }
        Versioned<PhaseTransition> result = changes.done(project, access.callerId(), transition);
        events.phaseChanged(new ProjectEventPayloads.PhaseChanged(project.id, project.code, project.type.name(),
                project.groupCode, project.leadId, from.name(), to.name(), transition.requestedBy,
                transition.requestedAt, reason, result.projectVersion()));
        if (to == Phase.CLOSED || to == Phase.CANCELLED) {
            events.finished(finished(project));
        }
        return result;
    }

    /**
     * The evaluation, by the group's manager or a director who never led or assisted the project (a lead handed on
     * and taken back, or an assistant's seat left, still counts); locked once recorded.
     */
    @Transactional
    public Versioned<Project> evaluate(long projectId, String ifMatch, EvaluationInput request) {
        Project project = changes.load(projectId, ifMatch, p -> {
            access.requireSupervisor(p, "evaluate the project");
            if (p.wasEverMember(access.callerId())) {
                throw ProblemException.forbidden("Nobody evaluates a project they lead or have led or assisted");
            }
        });
        changes.requirePhase(project, "evaluate", Phase.CHECK);
        if (project.isEvaluated()) {
            throw ProblemException.conflict("evaluation-locked", "Project " + project.code + " was evaluated on "
                    + project.evaluatedAt + "; an evaluation cannot be changed");
        }
        Map<Integer, CriterionResult> results = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.results().size(); i++) {
            CriterionResult result = request.results().get(i);
            if (result.index() >= project.successCriteria.size()) {
                errors.add(new Problem.FieldError("results[" + i + "].index", "the proposal has no criterion "
                        + result.index()));
            } else if (results.putIfAbsent(result.index(), result) != null) {
                errors.add(new Problem.FieldError("results[" + i + "].index", "criterion " + result.index()
                        + " has two results"));
            }
        }
        for (int index = 0; index < project.successCriteria.size(); index++) {
            if (!results.containsKey(index)) {
                errors.add(new Problem.FieldError("results", "no result for criterion " + index + " ("
                        + project.successCriteria.get(index).description + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation("incomplete-evaluation", "The evaluation is incomplete", errors);
        }
        for (int index = 0; index < project.successCriteria.size(); index++) {
            SuccessCriterion criterion = project.successCriteria.get(index);
            criterion.result = results.get(index).result().trim();
            criterion.met = results.get(index).met();
        }
        project.evaluationScore = request.score();
        project.evaluationWentWell = request.wentWell().trim();
        project.evaluationWentBadly = request.wentBadly().trim();
        project.evaluatedBy = access.callerId();
        project.evaluatedAt = changes.now();
        return changes.done(project, access.callerId(), project);
    }

    @Transactional
    public Versioned<Project> followUp(long projectId, String ifMatch, FollowUpInput request) {
        Project project = changes.load(projectId, ifMatch,
                p -> access.requireLeadOrSupervisor(p, "record follow-up decisions"));
        changes.requirePhase(project, "record follow-up decisions", Phase.ACT);
        project.followUpStandardise = ProjectService.blankToNull(request.standardise());
        project.followUpChange = ProjectService.blankToNull(request.changeNextTime());
        return changes.done(project, access.callerId(), project);
    }

    /** The settlement by the group's manager: a final cost for every line, members' shares adding up to 100%. */
    @Transactional
    public Versioned<Project> settle(long projectId, String ifMatch, SettlementInput request) {
        Project project = changes.load(projectId, ifMatch, p -> access.requireSupervisor(p, "settle the project"));
        changes.requirePhase(project, "settle", Phase.ACT);
        List<BudgetLine> lines = BudgetLine.ofProject(projectId);
        List<Problem.FieldError> errors = new ArrayList<>();

        Map<Long, BigDecimal> costs = new HashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            LineCost cost = request.lines().get(i);
            if (lines.stream().noneMatch(l -> l.id.equals(cost.lineId()))) {
                errors.add(new Problem.FieldError("lines[" + i + "].lineId", "not a budget line of this project"));
            } else if (costs.putIfAbsent(cost.lineId(), cost.finalCost()) != null) {
                errors.add(new Problem.FieldError("lines[" + i + "].lineId", "line " + cost.lineId() + " is listed twice"));
            }
        }
        lines.stream().filter(l -> !costs.containsKey(l.id)).forEach(l -> errors.add(
                new Problem.FieldError("lines", "no final cost for line " + l.id + " (" + l.category + ")")));

        Set<Long> shared = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.shares().size(); i++) {
            ShareInput share = request.shares().get(i);
            if (!project.isMember(share.staffId())) {
                errors.add(new Problem.FieldError("shares[" + i + "].staffId", "staff " + share.staffId()
                        + " is not a member of the project"));
            } else if (!shared.add(share.staffId())) {
                errors.add(new Problem.FieldError("shares[" + i + "].staffId", "staff " + share.staffId()
                        + " is listed twice"));
            }
            total = total.add(share.percent());
        }
        project.memberIds().stream().filter(id -> !shared.contains(id)).forEach(id -> errors.add(
                new Problem.FieldError("shares", "no share for member " + id)));
        if (total.compareTo(HUNDRED) != 0) {
            errors.add(new Problem.FieldError("shares", "add up to " + total.stripTrailingZeros().toPlainString()
                    + "%, not 100%"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation("invalid-settlement", "The settlement is not complete or consistent",
                    errors);
        }

        lines.forEach(l -> l.finalCost = BudgetService.money(costs.get(l.id)));
        project.shares.clear();
        request.shares().forEach(s -> project.shares.add(new MemberShare(s.staffId(), BudgetService.money(s.percent()))));
        project.settledBy = access.callerId();
        project.settledAt = changes.now();
        return changes.done(project, access.callerId(), project);
    }

    private List<Problem.FieldError> missingFor(Project project, Phase to, String reason) {
        List<Problem.FieldError> missing = new ArrayList<>();
        switch (to) {
            case DO -> {
                if (project.objectives == null) {
                    missing.add(new Problem.FieldError("proposal.objectives", "the proposal has no objectives"));
                }
                if (project.successCriteria.isEmpty()) {
                    missing.add(new Problem.FieldError("proposal.successCriteria",
                            "the proposal has no measurable success criteria"));
                }
                if (BudgetLine.count("projectId", project.id) == 0) {
                    missing.add(new Problem.FieldError("budget.lines", "the budget has no line"));
                }
                if (ProjectAction.count("projectId", project.id) == 0) {
                    missing.add(new Problem.FieldError("actions", "the action plan has no action with owner and due date"));
                }
                if (project.approvedAt == null) {
                    missing.add(new Problem.FieldError("approval",
                            "the plan is not approved by the group's manager or a director"));
                }
            }
            case CHECK -> ProjectAction.ofProject(project.id).stream()
                    .filter(a -> a.status == ActionStatus.OPEN)
                    .forEach(a -> missing.add(new Problem.FieldError("actions[" + a.id + "]",
                            "'" + a.title + "' is still OPEN: mark it DONE or DROPPED with a reason")));
            case ACT -> {
                if (!project.isEvaluated()) {
                    missing.add(new Problem.FieldError("evaluation",
                            "no evaluation by the group's manager or a director"));
                }
            }
            case CLOSED -> {
                if (project.followUpStandardise == null) {
                    missing.add(new Problem.FieldError("followUp.standardise", "no decision on what to standardise"));
                }
                if (project.followUpChange == null) {
                    missing.add(new Problem.FieldError("followUp.changeNextTime",
                            "no decision on what to change next time"));
                }
                if (!project.isSettled()) {
                    missing.add(new Problem.FieldError("settlement",
                            "no settlement (final cost per budget line and members' shares)"));
                }
                Expense.pendingOf(project.id).forEach(e -> missing.add(new Problem.FieldError("expenses[" + e.id + "]",
                        "an overrun of " + e.amount + " still waits for the manager's decision")));
            }
            case CANCELLED -> {
                if (reason == null) {
                    missing.add(new Problem.FieldError("reason", "a cancellation needs a reason"));
                }
            }
            case PLAN -> {
            }
        }
        return missing;
    }

    private ProjectEventPayloads.Finished finished(Project project) {
        BudgetSummary budget = BudgetService.summarise(BudgetLine.ofProject(project.id),
                Expense.ofProject(project.id));
        boolean closed = project.phase == Phase.CLOSED;
        Map<Long, BigDecimal> shares = new HashMap<>();
        project.shares.forEach(s -> shares.put(s.staffId, s.percent));
        List<ProjectEventPayloads.Member> members = new ArrayList<>();
        members.add(new ProjectEventPayloads.Member(project.leadId, "LEAD", shares.get(project.leadId)));
        project.assistants.stream().sorted((a, b) -> Long.compare(a.staffId, b.staffId))
                .map((Assistant a) -> new ProjectEventPayloads.Member(a.staffId, a.role, shares.get(a.staffId)))
                .forEach(members::add);
        return new ProjectEventPayloads.Finished(project.id, project.code, project.type.name(),
                project.size == null ? null : project.size.name(), project.title, project.groupCode, project.leadId,
                members, project.phase.name(), budget.total().planned(),
                closed ? budget.total().finalCost() : budget.total().spent(), budget.currency(),
                project.evaluationScore, project.plannedStart, project.plannedEnd, project.startedAt,
                project.closedAt, project.cancelReason);
    }
}
