package com.wuaigou.ops.project.rest;

import com.wuaigou.ops.common.roster.RosterService;
import com.wuaigou.ops.project.domain.ActionStatus;
import com.wuaigou.ops.project.domain.ActivitySize;
import com.wuaigou.ops.project.domain.BudgetLine;
import com.wuaigou.ops.project.domain.CheckIn;
import com.wuaigou.ops.project.domain.Expense;
import com.wuaigou.ops.project.domain.ExpenseStatus;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.PhaseTransition;
import com.wuaigou.ops.project.domain.Project;
import com.wuaigou.ops.project.domain.ProjectAction;
import com.wuaigou.ops.project.domain.ProjectType;
import com.wuaigou.ops.project.domain.Rag;
import com.wuaigou.ops.project.service.ActionService;
import com.wuaigou.ops.project.service.BudgetService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Response bodies of the project API and their mapping from the domain. */
@ApplicationScoped
public class ProjectViews {

    private final RosterService roster;
    private final ActionService actions;
    private final BudgetService budget;

    ProjectViews(RosterService roster, ActionService actions, BudgetService budget) {
        this.roster = roster;
        this.actions = actions;
        this.budget = budget;
    }

    @Schema(description = "A project unit")
    public record ProjectView(
            @Schema(description = "Id") long id,
            @Schema(description = "Unique code") String code,
            @Schema(description = "ACTIVITY or PRODUCT") ProjectType type,
            @Schema(nullable = true, type = SchemaType.STRING, description = "LARGE or SMALL for activities, null for products") ActivitySize size,
            @Schema(description = "Title") String title,
            @Schema(description = "Owning group code") String groupCode,
            @Schema(description = "The lead") MemberView lead,
            @Schema(description = "Assistants with their roles") List<MemberView> assistants,
            @Schema(description = "Planned start") LocalDate plannedStart,
            @Schema(description = "Planned end") LocalDate plannedEnd,
            @Schema(description = "Current phase") Phase phase,
            @Schema(description = "Proposal: objectives and success criteria (with results once evaluated)")
            ProposalView proposal,
            @Schema(nullable = true, type = SchemaType.OBJECT, description = "Approval of the plan, null until approved") StampView approval,
            @Schema(nullable = true, type = SchemaType.OBJECT, description = "Evaluation, null until recorded; locked once recorded") EvaluationView evaluation,
            @Schema(description = "Follow-up decisions of the ACT phase") FollowUpView followUp,
            @Schema(nullable = true, type = SchemaType.OBJECT, description = "Settlement, null until settled") SettlementView settlement,
            @Schema(nullable = true, description = "When the project entered DO") OffsetDateTime startedAt,
            @Schema(nullable = true, description = "When it was closed or cancelled") OffsetDateTime finishedAt,
            @Schema(nullable = true, description = "Why it was cancelled") String cancelReason,
            @Schema(description = "Open actions past their due date") long overdueActions,
            @Schema(description = "Whether any budget line has spent more than planned") boolean overBudget,
            @Schema(description = "Version, also sent as the ETag") long version) {
    }

    @Schema(description = "A member of a project")
    public record MemberView(
            @Schema(description = "Staff id") long staffId,
            @Schema(nullable = true, description = "Name from the roster") String name,
            @Schema(nullable = true, description = "LEAD, or the assistant's role") String role) {
    }

    @Schema(description = "The proposal")
    public record ProposalView(
            @Schema(nullable = true, description = "Objectives") String objectives,
            @Schema(description = "Success criteria in order") List<CriterionView> successCriteria) {
    }

    @Schema(description = "A success criterion")
    public record CriterionView(
            @Schema(description = "Position, from 0") int index,
            @Schema(description = "What must be achieved") String description,
            @Schema(nullable = true, description = "Result, once evaluated") String result,
            @Schema(nullable = true, description = "Whether it was met, once evaluated") Boolean met) {
    }

    @Schema(description = "Who did something and when")
    public record StampView(
            @Schema(description = "Staff id") long by,
            @Schema(description = "When") OffsetDateTime at) {
    }

    @Schema(description = "The post-evaluation")
    public record EvaluationView(
            @Schema(description = "Score 0-100") int score,
            @Schema(nullable = true, description = "What went well") String wentWell,
            @Schema(nullable = true, description = "What went badly") String wentBadly,
            @Schema(description = "Evaluator's staff id") long by,
            @Schema(description = "When") OffsetDateTime at,
            @Schema(description = "Always true: a recorded evaluation cannot change") boolean locked) {
    }

    @Schema(description = "Follow-up decisions")
    public record FollowUpView(
            @Schema(nullable = true, description = "What to standardise") String standardise,
            @Schema(nullable = true, description = "What to change next time") String changeNextTime) {
    }

    @Schema(description = "The settlement (final costs are on the budget lines)")
    public record SettlementView(
            @Schema(description = "Settled by (staff id)") long by,
            @Schema(description = "When") OffsetDateTime at,
            @Schema(description = "Members' shares of the credit, adding up to 100") List<ShareView> shares) {
    }

    @Schema(description = "One member's share of the credit")
    public record ShareView(
            @Schema(description = "Staff id") long staffId,
            @Schema(description = "Percent") BigDecimal percent) {
    }

    @Schema(description = "An accepted phase change")
    public record TransitionView(
            @Schema(description = "Id") long id,
            @Schema(description = "From phase") Phase from,
            @Schema(description = "To phase") Phase to,
            @Schema(description = "Requested by (staff id)") long by,
            @Schema(description = "When") OffsetDateTime at,
            @Schema(nullable = true, description = "Why") String reason) {
    }

    @Schema(description = "A budget line")
    public record BudgetLineView(
            @Schema(description = "Id") long id,
            @Schema(description = "Category") String category,
            @Schema(description = "Planned amount") BigDecimal planned,
            @Schema(description = "Currency, CNY") String currency,
            @Schema(nullable = true, description = "Final cost, once settled") BigDecimal finalCost) {
    }

    @Schema(description = "An expense")
    public record ExpenseView(
            @Schema(description = "Id") long id,
            @Schema(description = "Budget line id") long lineId,
            @Schema(description = "Amount") BigDecimal amount,
            @Schema(description = "Currency, CNY") String currency,
            @Schema(description = "Date of the expense") LocalDate date,
            @Schema(nullable = true, description = "What it was for") String note,
            @Schema(description = "ACCEPTED, PENDING_APPROVAL, APPROVED or REJECTED; only ACCEPTED and APPROVED count")
            ExpenseStatus status,
            @Schema(description = "Marked: it takes its line over budget") boolean overrun,
            @Schema(description = "Recorded by (staff id)") long recordedBy,
            @Schema(nullable = true, description = "Who approved or rejected the overrun") Long decidedBy,
            @Schema(nullable = true, description = "When") OffsetDateTime decidedAt) {
    }

    @Schema(description = "An action of the action plan")
    public record ActionView(
            @Schema(description = "Id") long id,
            @Schema(description = "What is to be done") String title,
            @Schema(description = "Owner (staff id)") long ownerId,
            @Schema(description = "Due date") LocalDate dueDate,
            @Schema(description = "OPEN, DONE or DROPPED") ActionStatus status,
            @Schema(nullable = true, description = "Why it was dropped") String dropReason,
            @Schema(description = "Open and past its due date (Asia/Shanghai)") boolean overdue) {
    }

    @Schema(description = "A check-in")
    public record CheckInView(
            @Schema(description = "Id") long id,
            @Schema(description = "Date") LocalDate date,
            @Schema(description = "Progress in percent") int progress,
            @Schema(description = "RED, AMBER or GREEN") Rag rag,
            @Schema(nullable = true, description = "Issues") String issues,
            @Schema(nullable = true, description = "Next steps") String nextSteps,
            @Schema(description = "Recorded by (staff id)") long recordedBy) {
    }

    public ProjectView project(Project p) {
        List<MemberView> assistants = p.assistants.stream()
                .sorted(Comparator.comparing(a -> a.staffId))
                .map(a -> new MemberView(a.staffId, roster.nameOf(a.staffId).orElse(null), a.role)).toList();
        List<CriterionView> criteria = IntStream.range(0, p.successCriteria.size())
                .mapToObj(i -> new CriterionView(i, p.successCriteria.get(i).description,
                        p.successCriteria.get(i).result, p.successCriteria.get(i).met)).toList();
        return new ProjectView(p.id, p.code, p.type, p.size, p.title, p.groupCode,
                new MemberView(p.leadId, roster.nameOf(p.leadId).orElse(null), "LEAD"), assistants, p.plannedStart, p.plannedEnd,
                p.phase, new ProposalView(p.objectives, criteria),
                p.approvedAt == null ? null : new StampView(p.approvedBy, p.approvedAt),
                p.isEvaluated() ? new EvaluationView(p.evaluationScore, p.evaluationWentWell, p.evaluationWentBadly,
                        p.evaluatedBy, p.evaluatedAt, true) : null,
                new FollowUpView(p.followUpStandardise, p.followUpChange),
                p.isSettled() ? new SettlementView(p.settledBy, p.settledAt, p.shares.stream()
                        .sorted(Comparator.comparing(s -> s.staffId))
                        .map(s -> new ShareView(s.staffId, s.percent)).toList()) : null,
                p.startedAt, p.closedAt, p.cancelReason, actions.overdueCount(p.id), budget.overBudget(p.id),
                p.version);
    }

    public static TransitionView transition(PhaseTransition t) {
        return new TransitionView(t.id, t.from, t.to, t.requestedBy, t.requestedAt, t.reason);
    }

    public static BudgetLineView line(BudgetLine l) {
        return new BudgetLineView(l.id, l.category, l.planned, l.currency, l.finalCost);
    }

    public static ExpenseView expense(Expense e) {
        return new ExpenseView(e.id, e.lineId, e.amount, BudgetLine.CURRENCY, e.spentOn, e.note, e.status, e.overrun,
                e.recordedBy, e.decidedBy, e.decidedAt);
    }

    public ActionView action(ProjectAction a) {
        return new ActionView(a.id, a.title, a.ownerId, a.dueDate, a.status, a.dropReason,
                a.isOverdue(actions.today()));
    }

    public static CheckInView checkIn(CheckIn c) {
        return new CheckInView(c.id, c.date, c.progress, c.rag, c.issues, c.nextSteps, c.recordedBy);
    }
}
