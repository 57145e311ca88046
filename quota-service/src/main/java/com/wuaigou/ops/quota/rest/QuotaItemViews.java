package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.concurrency.VersionedView;
import com.wuaigou.ops.common.input.SingleLine;
import com.wuaigou.ops.quota.domain.ItemDefinition;
import com.wuaigou.ops.quota.domain.Period;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.QuotaTarget;
import com.wuaigou.ops.quota.domain.Shape;
import com.wuaigou.ops.quota.domain.TargetRange;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of the catalog. */
public final class QuotaItemViews {

    private QuotaItemViews() {
    }

    @Schema(name = "QuotaItem", description = "A workload of a group's catalog, with every column of the catalog CSV")
    public record ItemView(
            @Schema(description = "Item id") long id,
            @Schema(description = "Group code (CSV group)", example = "PB") String groupCode,
            @Schema(description = "Stable item code", example = "PB-SINA-WEIBO") String code,
            @Schema(description = "Category", example = "platform-promotion") String category,
            @Schema(description = "Chinese name (CSV name_zh)") String nameZh,
            @Schema(description = "English name (CSV name_en)") String nameEn,
            @Schema(description = "Shape of the workload: how it is measured") Shape shape,
            @Schema(nullable = true, description = "Low end of the number in force on the asked date (persons per slot for coverage, minutes for durations, units per hour for rates)") BigDecimal targetMin,
            @Schema(nullable = true, description = "High end of the number in force on the asked date") BigDecimal targetMax,
            @Schema(description = "Unit counted", example = "post") String unit,
            @Schema(nullable = true, type = SchemaType.STRING, description = "Period the number counts per; null for TRACKED items") Period period,
            @Schema(nullable = true, description = "Standard minutes credited per unit to each crew member (standard-time items)") Integer stdMinutes,
            @Schema(nullable = true, description = "Fewest people doing one unit (standard-time items)") Integer crewMin,
            @Schema(nullable = true, description = "Most people doing one unit (standard-time items)") Integer crewMax,
            @Schema(nullable = true, description = "Slot names separated by ';' (coverage items, and durations split by slot)", example = "AM;PM") String slots,
            @Schema(nullable = true, description = "Notes from the plan") String notes,
            @Schema(nullable = true, description = "Retired from this date on; null while active") LocalDate retiredOn,
            @Schema(description = "Version; the answer's ETag carries it too") long version,
            @Schema(description = "The dated history of the number, oldest first") List<TargetView> targets)
            implements VersionedView {

        static ItemView of(QuotaItem item, TargetRange inForce, List<QuotaTarget> history) {
            return new ItemView(item.id, item.groupCode, item.code, item.category, item.nameZh, item.nameEn, item.shape,
                    inForce == null ? null : inForce.low(), inForce == null ? null : inForce.high(), item.unit,
                    item.period, item.stdMinutes, item.crewMin, item.crewMax, item.slots, item.notes, item.retiredOn,
                    item.version, history.stream().map(TargetView::of).toList());
        }
    }

    @Schema(name = "QuotaTarget", description = "An item's number from a date on, until the next one")
    public record TargetView(
            @Schema(description = "First day the number is in force") LocalDate effectiveFrom,
            @Schema(nullable = true, description = "Low end; null for items without a number") BigDecimal targetMin,
            @Schema(nullable = true, description = "High end; equal to the low end for a single number") BigDecimal targetMax) {

        static TargetView of(QuotaTarget target) {
            TargetRange range = target.range();
            return new TargetView(target.effectiveFrom, range == null ? null : range.low(), range == null ? null : range.high());
        }
    }

    @Schema(name = "NewQuotaItem", description = "A new catalog item; the rules of its shape apply as in the CSV")
    public record NewItem(
            @Schema(description = "Group code", example = "DESIGN") @NotBlank @Size(max = 40) String groupCode,
            @Schema(description = "Stable code: upper-case letters, digits and dashes", example = "DESIGN-BANNER")
            @NotBlank @Size(max = 60) String code,
            @Schema(description = "Category", example = "design") @NotBlank @SingleLine @Size(max = 60) String category,
            @Schema(description = "Chinese name") @NotBlank @SingleLine @Size(max = 200) String nameZh,
            @Schema(description = "English name") @NotBlank @SingleLine @Size(max = 300) String nameEn,
            @Schema(description = "Shape") @NotNull Shape shape,
            @Schema(description = "Low end of the number, at most four decimals (required for COUNT, RATE, DURATION, COVERAGE)")
            @DecimalMin("0") @DecimalMax("9999999999.9999") @Digits(integer = 10, fraction = 4) BigDecimal targetMin,
            @Schema(description = "High end of the number; defaults to the low end") @DecimalMin("0") @DecimalMax("9999999999.9999") @Digits(integer = 10, fraction = 4) BigDecimal targetMax,
            @Schema(description = "Unit counted") @NotBlank @SingleLine @Size(max = 40) String unit,
            @Schema(description = "Period: DAY, WEEK or MONTH for counts, HOUR for rates, DAY for durations and coverage") Period period,
            @Schema(description = "Standard minutes per unit, at most a day's 1440 (STANDARD_TIME)") @Max(1440) Integer stdMinutes,
            @Schema(description = "Fewest crew (STANDARD_TIME)") @Max(100) Integer crewMin,
            @Schema(description = "Most crew (STANDARD_TIME)") @Max(100) Integer crewMax,
            @Schema(description = "Slots separated by ';' (COVERAGE)") @SingleLine @Size(max = 200) String slots,
            @Schema(description = "Notes") @Size(max = 500) String notes,
            @Schema(description = "From when the number is in force; defaults to today") LocalDate effectiveFrom) {

        ItemDefinition definition() {
            return new ItemDefinition(groupCode, code, category, nameZh, nameEn, shape, targetMin, targetMax, unit,
                    period, stdMinutes, crewMin, crewMax, slots, notes);
        }
    }

    @Schema(name = "QuotaItemDescription", description = "The descriptive fields of an item; shape, period and numbers change otherwise")
    public record Description(
            @Schema(description = "Category") @NotBlank @SingleLine @Size(max = 60) String category,
            @Schema(description = "Chinese name") @NotBlank @SingleLine @Size(max = 200) String nameZh,
            @Schema(description = "English name") @NotBlank @SingleLine @Size(max = 300) String nameEn,
            @Schema(description = "Unit counted") @NotBlank @SingleLine @Size(max = 40) String unit,
            @Schema(description = "Notes") @Size(max = 500) String notes) {
    }

    @Schema(name = "TargetChange", description = "A new number from a date on (today or later); earlier periods keep theirs")
    public record TargetChange(
            @Schema(description = "First day of the new number") @NotNull LocalDate effectiveFrom,
            @Schema(description = "New low end, at most four decimals") @NotNull @DecimalMin("0") @DecimalMax("9999999999.9999") @Digits(integer = 10, fraction = 4) BigDecimal targetMin,
            @Schema(description = "New high end; defaults to the low end") @DecimalMin("0") @DecimalMax("9999999999.9999") @Digits(integer = 10, fraction = 4) BigDecimal targetMax) {
    }

    @Schema(name = "Retirement", description = "Retires an item from a date on (today or later)")
    public record Retirement(
            @Schema(description = "First day the item is retired; defaults to today") LocalDate retiredOn) {
    }

    @Schema(name = "ImportResult", description = "What a catalog import did")
    public record ImportView(
            @Schema(description = "Items created") int created,
            @Schema(description = "Items whose description or number changed") int updated,
            @Schema(description = "Items left as they were") int unchanged,
            @Schema(description = "New numbers recorded") int targetsChanged) {
    }
}
