package com.wuaigou.ops.personnel.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The scorecard answers: a person's month and a group's month. */
public final class Scorecards {

    private Scorecards() {
    }

    @Schema(name = "ScorecardItem", description = "One item of the locked month, as quota-service judged it")
    public record ItemLine(
            @Schema(description = "Item code of the catalog") String itemCode,
            @Schema(nullable = true, description = "Target of the month, low end; null without a target") BigDecimal targetLow,
            @Schema(nullable = true, description = "Target of the month, high end; null without a target") BigDecimal targetHigh,
            @Schema(description = "Done in the month (units, minutes or slots as the item counts)") BigDecimal done,
            @Schema(nullable = true, description = "Done against the low end of the target; null without a target") BigDecimal ratio,
            @Schema(description = "SHORT, MET, EXCEEDED or NO_TARGET") String status,
            @Schema(description = "Workload minutes credited for the item") Long creditedMinutes,
            @Schema(nullable = true, description = "PRIMARY, FLEXIBLE, or null for unplanned work") String duty) {
    }

    @Schema(name = "ScorecardQuotaPart", description = "Share of the items met and the quota part of the score")
    public record QuotaPart(
            @Schema(description = "Items with a target (primary and flexible; unplanned work has none)") int itemsWithTarget,
            @Schema(description = "Of those, items MET or EXCEEDED") int itemsMet,
            @Schema(nullable = true, description = "itemsMet / itemsWithTarget, 0-1; null without items with a target") BigDecimal shareMet,
            @Schema(nullable = true, description = "100 x shareMet; null when there is no item with a target") BigDecimal score) {
    }

    @Schema(name = "ScorecardWorkload", description = "Minutes credited in the month against its working time")
    public record Workload(
            @Schema(nullable = true, description = "Minutes credited in the month; null if the lock did not report it") Long workloadMinutes,
            @Schema(nullable = true, description = "Working days of the month x 480; null if the lock did not report it") Long workingMinutes,
            @Schema(nullable = true, description = "workloadMinutes / workingMinutes; null without both") BigDecimal ratio) {
    }

    @Schema(name = "ScorecardProject", description = "A project closed in the month that the person led or assisted")
    public record ProjectLine(
            @Schema(description = "Project id") long projectId,
            @Schema(description = "Project code") String code,
            @Schema(description = "Title") String title,
            @Schema(description = "ACTIVITY or PRODUCT") String type,
            @Schema(description = "Owning group") String groupCode,
            @Schema(description = "LEAD or the assistant's role") String role,
            @Schema(description = "Whether the person led it") boolean led,
            @Schema(nullable = true, description = "Evaluation score 0-100; null if never evaluated") Integer evaluationScore,
            @Schema(nullable = true, description = "The person's share of the credit, percent; null if not settled") BigDecimal sharePercent,
            @Schema(description = "Day it closed (Asia/Shanghai)") LocalDate closedOn) {
    }

    @Schema(name = "ScorecardProjectPart", description = "Projects closed in the month and the project part of the score")
    public record ProjectPart(
            @Schema(description = "Projects closed in the month, led or assisted") List<ProjectLine> closed,
            @Schema(nullable = true, description = "Share-weighted mean evaluation score of those with a score and a share above 0;"
                    + " null when there is none") BigDecimal score) {
    }

    @Schema(name = "ScorecardOverall", description = "The overall score 0-100, its weights and how it was reached")
    public record Overall(
            @Schema(nullable = true, description = "Overall score 0-100, two decimals; null when neither part has data") BigDecimal score,
            @Schema(description = "Configured weight of the quota part (ops.scorecard.weights.quotas)") BigDecimal quotaWeight,
            @Schema(description = "Configured weight of the project part (ops.scorecard.weights.projects)") BigDecimal projectWeight,
            @Schema(description = "Share of the score the quota part actually carried, 0-1") BigDecimal appliedQuotaWeight,
            @Schema(description = "Share of the score the project part actually carried, 0-1") BigDecimal appliedProjectWeight,
            @Schema(description = "The formula") String formula,
            @Schema(nullable = true, description = "Which part carried the weight when one had no data; null when both had data") String note) {
    }

    @Schema(name = "StaffScorecard", description = "A person's month: quota attainment from the locked figures, workload,"
            + " projects closed and one overall score")
    public record StaffCard(
            @Schema(description = "Staff id") long staffId,
            @Schema(description = "Name") String name,
            @Schema(description = "The month, YYYY-MM") String month,
            @Schema(description = "True when every group the person belonged to that month has locked (approved) it:"
                    + " the figures are final unless a director reopens the month") boolean locked,
            @Schema(description = "quota-service lock ids the figures come from") List<Long> lockIds,
            @Schema(description = "Groups the person belonged to that month that have not locked it yet") List<String> pendingGroups,
            @Schema(description = "Items held as primary duty") List<ItemLine> primary,
            @Schema(description = "Items given as flexible tasks") List<ItemLine> flexible,
            @Schema(description = "Work without an assignment (no target)") List<ItemLine> unplanned,
            @Schema(description = "Share of items met") QuotaPart quotas,
            @Schema(description = "Workload against working time") Workload workload,
            @Schema(description = "Projects closed in the month") ProjectPart projects,
            @Schema(description = "Overall score and its weights") Overall overall) {
    }

    @Schema(name = "GroupScorecardTotals", description = "A group's month added up over its members")
    public record GroupTotals(
            @Schema(description = "Members placed in the group during the month") int members,
            @Schema(description = "Items with a target, all members") int itemsWithTarget,
            @Schema(description = "Items met or exceeded, all members") int itemsMet,
            @Schema(nullable = true, description = "itemsMet / itemsWithTarget, 0-1; null without items with a target") BigDecimal shareMet,
            @Schema(description = "Workload minutes, all members") long workloadMinutes,
            @Schema(description = "Working minutes, all members") long workingMinutes,
            @Schema(nullable = true, description = "workloadMinutes / workingMinutes; null when no working minutes") BigDecimal workloadRatio,
            @Schema(description = "Distinct projects closed in the month that a member led or assisted") int projectsClosed,
            @Schema(nullable = true, description = "Mean of the members' overall scores that exist; null if none") BigDecimal averageOverallScore) {
    }

    @Schema(name = "GroupScorecard", description = "A group's month: each member's card and the group's totals")
    public record GroupCard(
            @Schema(description = "Group code") String groupCode,
            @Schema(description = "The month, YYYY-MM") String month,
            @Schema(description = "Whether the group has locked (approved) the month") boolean locked,
            @Schema(nullable = true, description = "The lock in force; null when not locked") Long lockId,
            @Schema(description = "Each member's card, by name") List<StaffCard> members,
            @Schema(description = "Totals over the members") GroupTotals totals) {
    }

    @Schema(name = "ScorecardRebuild", description = "What a rebuild read and applied")
    public record RebuildAnswer(
            @Schema(description = "Records read from ops.quota.periods and ops.project.projects up to their end") long read,
            @Schema(description = "Events applied (first deliveries of the types the scorecard uses)") long applied,
            @Schema(description = "Records that were not readable CloudEvents and were skipped") long skipped) {
    }
}
