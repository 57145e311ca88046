package com.wuaigou.ops.project.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Payloads of the events on {@code ops.project.projects}, keyed by project id. */
public final class ProjectEventPayloads {

    private ProjectEventPayloads() {
    }

    @Schema(description = "ops.project.phase.changed.v1: a project moved to another phase")
    public record PhaseChanged(
            @Schema(description = "Project id") long projectId,
            @Schema(description = "Project code") String code,
            @Schema(description = "ACTIVITY or PRODUCT") String type,
            @Schema(description = "Owning group code") String groupCode,
            @Schema(description = "Lead's staff id") long leadId,
            @Schema(description = "Phase before the change") String from,
            @Schema(description = "Phase after the change") String to,
            @Schema(description = "Staff id of whoever requested the change") long changedBy,
            @Schema(description = "When it changed") OffsetDateTime changedAt,
            @Schema(description = "Why, as given with the request") String reason,
            @Schema(description = "Project version after the change") long version) {
    }

    @Schema(description = "One member of a finished project")
    public record Member(
            @Schema(description = "Staff id") long staffId,
            @Schema(description = "LEAD or the assistant's role") String role,
            @Schema(description = "Share of the credit in percent; null for a cancelled project") BigDecimal sharePercent) {
    }

    @Schema(description = "ops.project.closed.v1 and ops.project.cancelled.v1: a project finished")
    public record Finished(
            @Schema(description = "Project id") long projectId,
            @Schema(description = "Project code") String code,
            @Schema(description = "ACTIVITY or PRODUCT") String type,
            @Schema(description = "LARGE or SMALL for activities") String size,
            @Schema(description = "Title") String title,
            @Schema(description = "Owning group code") String groupCode,
            @Schema(description = "Lead's staff id") long leadId,
            @Schema(description = "Lead and assistants") List<Member> members,
            @Schema(description = "CLOSED or CANCELLED") String outcome,
            @Schema(description = "Total planned budget, CNY") BigDecimal budget,
            @Schema(description = "Actual cost, CNY: settled final costs when closed, spending so far when cancelled")
            BigDecimal actualCost,
            @Schema(description = "Currency of the amounts") String currency,
            @Schema(description = "Evaluation score 0-100, null if never evaluated") Integer evaluationScore,
            @Schema(description = "Planned start") LocalDate plannedStart,
            @Schema(description = "Planned end") LocalDate plannedEnd,
            @Schema(description = "When the project entered DO, null if it never did") OffsetDateTime startedAt,
            @Schema(description = "When it was closed or cancelled") OffsetDateTime finishedAt,
            @Schema(description = "Cancellation reason, null when closed") String cancelReason) {
    }
}
