package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.input.SingleLine;
import com.wuaigou.ops.project.domain.ActionStatus;
import com.wuaigou.ops.project.domain.ActivitySize;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.ProjectType;
import com.wuaigou.ops.project.domain.Rag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What each change to a project needs: the request bodies of the API, checked by Bean Validation. */
public final class ProjectInputs {

    private ProjectInputs() {
    }

    @Schema(description = "A new project unit; it starts in PLAN")
    public record NewProject(
            @Schema(description = "Unique code", example = "ACT-2026-11-DOUBLE12")
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' and '-' only")
            String code,
            @Schema(description = "ACTIVITY or PRODUCT") @NotNull ProjectType type,
            @Schema(description = "LARGE or SMALL; required for activities, absent for products") ActivitySize size,
            @Schema(description = "Title", example = "Double 12 campaign") @NotBlank @SingleLine @Size(max = 200) String title,
            @Schema(description = "Owning group code, known from the roster", example = "PB") @NotBlank @SingleLine
            @Size(max = 40) String groupCode,
            @Schema(description = "Staff id of the one lead; must be active staff") @NotNull Long leadId,
            @Schema(description = "Assistants, each with a role") List<@Valid @NotNull AssistantInput> assistants,
            @Schema(description = "Planned start date") @NotNull LocalDate plannedStart,
            @Schema(description = "Planned end date, not before the start") @NotNull LocalDate plannedEnd) {
    }

    @Schema(description = "The editable core of an open project (a full replacement)")
    public record ProjectEdit(
            @Schema(description = "Title") @NotBlank @SingleLine @Size(max = 200) String title,
            @Schema(description = "LARGE or SMALL for activities, absent for products") ActivitySize size,
            @Schema(description = "Staff id of the lead; only a supervisor may change it") @NotNull Long leadId,
            @Schema(description = "Assistants, each with a role") List<@Valid @NotNull AssistantInput> assistants,
            @Schema(description = "Planned start date") @NotNull LocalDate plannedStart,
            @Schema(description = "Planned end date, not before the start") @NotNull LocalDate plannedEnd) {
    }

    @Schema(description = "An assistant and the role they play")
    public record AssistantInput(
            @Schema(description = "Staff id; must be active staff") @NotNull Long staffId,
            @Schema(description = "Role in the project", example = "copywriter") @NotBlank @SingleLine @Size(max = 100)
            String role) {
    }

    @Schema(description = "The project proposal; may be saved incomplete, the PLAN to DO gate checks it")
    public record ProposalInput(
            @Schema(description = "Objectives of the project") @Size(max = 4000) String objectives,
            @Schema(description = "Measurable success criteria, in order")
            List<@NotBlank @Size(max = 1000) String> successCriteria) {
    }

    @Schema(description = "A request to move the project to another phase")
    public record TransitionRequest(
            @Schema(description = "Target phase: the next one in PLAN, DO, CHECK, ACT, CLOSED, or CANCELLED")
            @NotNull Phase to,
            @Schema(description = "Why; required when cancelling") @Size(max = 2000) String reason) {
    }

    @Schema(description = "The post-evaluation; locked once recorded")
    public record EvaluationInput(
            @Schema(description = "Overall score 0-100") @NotNull @Min(0) @Max(100) Integer score,
            @Schema(description = "What went well") @NotBlank @Size(max = 4000) String wentWell,
            @Schema(description = "What went badly") @NotBlank @Size(max = 4000) String wentBadly,
            @Schema(description = "A result for each success criterion of the proposal")
            @NotNull List<@Valid @NotNull CriterionResult> results) {
    }

    @Schema(description = "The result of one success criterion")
    public record CriterionResult(
            @Schema(description = "Position of the criterion in the proposal, from 0") @NotNull @Min(0) Integer index,
            @Schema(description = "What was measured") @NotBlank @Size(max = 2000) String result,
            @Schema(description = "Whether the criterion was met") @NotNull Boolean met) {
    }

    @Schema(description = "Follow-up decisions of the ACT phase; may be saved incomplete, the close gate checks them")
    public record FollowUpInput(
            @Schema(description = "What to standardise") @Size(max = 4000) String standardise,
            @Schema(description = "What to change next time") @Size(max = 4000) String changeNextTime) {
    }

    @Schema(description = "The settlement: final cost of every budget line and every member's share of the credit")
    public record SettlementInput(
            @Schema(description = "Final cost per budget line") @NotNull List<@Valid @NotNull LineCost> lines,
            @Schema(description = "Share of the credit of each member (lead and assistants), adding up to 100")
            @NotNull List<@Valid @NotNull ShareInput> shares) {
    }

    @Schema(description = "The final cost of one budget line")
    public record LineCost(
            @Schema(description = "Budget line id") @NotNull Long lineId,
            @Schema(description = "Final cost, CNY") @NotNull @DecimalMin("0.00") @DecimalMax("999999999999.99")
            @Digits(integer = 12, fraction = 2) BigDecimal finalCost) {
    }

    @Schema(description = "One member's share of the credit")
    public record ShareInput(
            @Schema(description = "Staff id of the lead or an assistant") @NotNull Long staffId,
            @Schema(description = "Share in percent", example = "60.00")
            @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal percent) {
    }

    @Schema(description = "A budget line")
    public record BudgetLineInput(
            @Schema(description = "Category", example = "advertising") @NotBlank @SingleLine @Size(max = 100) String category,
            @Schema(description = "Planned amount, CNY") @NotNull @DecimalMin("0.00") @DecimalMax("999999999999.99")
            @Digits(integer = 12, fraction = 2) BigDecimal planned) {
    }

    @Schema(description = "An expense against a budget line")
    public record ExpenseInput(
            @Schema(description = "Budget line id") @NotNull Long lineId,
            @Schema(description = "Amount, CNY") @NotNull @DecimalMin("0.01") @DecimalMax("999999999999.99")
            @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Schema(description = "Date of the expense") @NotNull LocalDate date,
            @Schema(description = "What it was for") @NotBlank @Size(max = 1000) String note) {
    }

    @Schema(description = "The manager's decision on an expense that takes its line over budget")
    public record ExpenseDecision(
            @Schema(description = "true approves the overrun, false rejects the expense") @NotNull Boolean approve) {
    }

    @Schema(description = "An action of the action plan")
    public record ActionInput(
            @Schema(description = "What is to be done") @NotBlank @SingleLine @Size(max = 200) String title,
            @Schema(description = "Owner: the lead or an assistant") @NotNull Long ownerId,
            @Schema(description = "Due date") @NotNull LocalDate dueDate) {
    }

    @Schema(description = "A status change of an action")
    public record ActionStatusChange(
            @Schema(description = "OPEN, DONE or DROPPED") @NotNull ActionStatus status,
            @Schema(description = "Why it was dropped; required for DROPPED") @Size(max = 2000) String reason) {
    }

    @Schema(description = "A supervision check-in during DO")
    public record CheckInInput(
            @Schema(description = "Date of the check-in") @NotNull LocalDate date,
            @Schema(description = "Progress in percent") @NotNull @Min(0) @Max(100) Integer progress,
            @Schema(description = "RED, AMBER or GREEN") @NotNull Rag rag,
            @Schema(description = "Issues found") @Size(max = 4000) String issues,
            @Schema(description = "Next steps") @Size(max = 4000) String nextSteps) {
    }
}
