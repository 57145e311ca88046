package com.wuaigou.ops.project.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** Budget against actuals: per line, in total and per month. Only accepted and approved expenses count as spent. */
@Schema(description = "Budget against actuals of a project, per line, in total and per calendar month")
public record BudgetSummary(
        @Schema(description = "Currency of every amount", example = "CNY") String currency,
        @Schema(description = "One entry per budget line") List<LineFigures> lines,
        @Schema(description = "All lines together") Totals total,
        @Schema(description = "Spending per calendar month of the expense date, oldest first") List<MonthFigures> months) {

    @Schema(description = "Figures of one budget line")
    public record LineFigures(
            @Schema(description = "Budget line id") long lineId,
            @Schema(description = "Category") String category,
            @Schema(description = "Planned amount") BigDecimal planned,
            @Schema(description = "Spent: accepted and approved expenses") BigDecimal spent,
            @Schema(description = "Planned minus spent; negative when over budget") BigDecimal remaining,
            @Schema(description = "Expenses waiting for the manager's approval of an overrun") BigDecimal pendingApproval,
            @Schema(description = "Whether spending exceeds the plan") boolean overBudget,
            @Schema(nullable = true, description = "Final cost fixed at settlement, null before") BigDecimal finalCost,
            @Schema(nullable = true, description = "Final cost minus planned, null before settlement") BigDecimal variance) {
    }

    @Schema(description = "Figures of the whole budget")
    public record Totals(
            @Schema(description = "Planned amount") BigDecimal planned,
            @Schema(description = "Spent") BigDecimal spent,
            @Schema(description = "Planned minus spent") BigDecimal remaining,
            @Schema(description = "Waiting for approval") BigDecimal pendingApproval,
            @Schema(nullable = true, description = "Sum of final costs, null until every line has one") BigDecimal finalCost,
            @Schema(nullable = true, description = "Final cost minus planned, null before settlement") BigDecimal variance) {
    }

    @Schema(description = "Spending of one calendar month")
    public record MonthFigures(
            @Schema(description = "Month, YYYY-MM", example = "2026-11") String month,
            @Schema(description = "Spent in the month") BigDecimal spent,
            @Schema(description = "Spent up to the end of the month") BigDecimal cumulativeSpent,
            @Schema(description = "Total planned minus cumulative spent") BigDecimal remaining) {
    }
}
