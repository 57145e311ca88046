package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.quota.domain.AttainmentStatus;
import com.wuaigou.ops.quota.domain.DayWorkload;
import com.wuaigou.ops.quota.domain.ItemAttainment;
import com.wuaigou.ops.quota.domain.Period;
import com.wuaigou.ops.quota.domain.Shape;
import com.wuaigou.ops.quota.domain.WindowKind;
import com.wuaigou.ops.quota.service.AttainmentService;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of attainment. */
public final class AttainmentViews {

    private AttainmentViews() {
    }

    @Schema(name = "ItemAttainment", description = "One item's figures for a window")
    public record ItemView(
            @Schema(description = "Item code") String itemCode,
            @Schema(description = "The item's group") String groupCode,
            @Schema(description = "Shape: decides what target and done mean") Shape shape,
            @Schema(description = "Unit") String unit,
            @Schema(nullable = true, type = SchemaType.STRING, description = "Period of the item's number; null for TRACKED items") Period period,
            @Schema(description = "Whether an assignment (person) or the group's number (group) covers the window") boolean planned,
            @Schema(nullable = true, description = "Target low end for the window: units (COUNT), minutes (DURATION), slots (COVERAGE), units per hour (RATE); null without a target") BigDecimal targetMin,
            @Schema(nullable = true, description = "Target high end for the window") BigDecimal targetMax,
            @Schema(description = "Done: units (COUNT, STANDARD_TIME, TRACKED, RATE), minutes (DURATION), slots covered (COVERAGE)") BigDecimal done,
            @Schema(description = "Minutes logged on the item") long loggedMinutes,
            @Schema(nullable = true, description = "Units per logged hour (RATE)") BigDecimal ratePerHour,
            @Schema(description = "Workload minutes credited: standard minutes per unit and crew member, else minutes logged") long creditedMinutes,
            @Schema(nullable = true, description = "Done against the target's low end (rate against rate)") BigDecimal ratio,
            @Schema(description = "SHORT, MET, EXCEEDED or NO_TARGET") AttainmentStatus status) {

        static ItemView of(ItemAttainment a) {
            return new ItemView(a.item().code(), a.item().groupCode(), a.item().shape(), a.item().unit(), a.item().period(),
                    a.planned(), a.target() == null ? null : a.target().low(), a.target() == null ? null : a.target().high(),
                    a.done(), a.loggedMinutes(), a.ratePerHour(), a.creditedMinutes(), a.ratio(), a.status());
        }
    }

    @Schema(name = "DayWorkload", description = "A person's credited minutes on a day against the 8-hour day")
    public record DayView(
            @Schema(description = "Date") LocalDate date,
            @Schema(description = "Whether it is a working day") boolean workingDay,
            @Schema(description = "Minutes credited") long minutes,
            @Schema(description = "Minutes of a working day", example = "480") int dayMinutes,
            @Schema(nullable = true, description = "Minutes against the working day") BigDecimal ratio) {

        static DayView of(DayWorkload d) {
            return new DayView(d.date(), d.workingDay(), d.minutes(), d.dayMinutes(), d.ratio());
        }
    }

    @Schema(name = "PersonAttainment", description = "A person's attainment and workload for a window")
    public record PersonView(
            @Schema(description = "Staff id") long staffId,
            @Schema(description = "Name") String name,
            @Schema(description = "Window kind") WindowKind window,
            @Schema(description = "First day") LocalDate start,
            @Schema(description = "Last day") LocalDate end,
            @Schema(description = "Working days in the window") int workingDays,
            @Schema(description = "Items assigned or worked on") List<ItemView> items,
            @Schema(description = "Workload per working day (and any other day with work)") List<DayView> workload) {

        static PersonView of(AttainmentService.PersonReport r) {
            return new PersonView(r.staff().id, r.staff().name, r.window().kind(), r.window().start(), r.window().end(),
                    r.workingDays(), r.items().stream().map(ItemView::of).toList(),
                    r.workload().stream().map(DayView::of).toList());
        }
    }

    @Schema(name = "MemberWorkload", description = "A member's workload per day")
    public record MemberView(
            @Schema(description = "Staff id") long staffId,
            @Schema(description = "Name") String name,
            @Schema(description = "Minutes credited in the window") long totalMinutes,
            @Schema(description = "Per day") List<DayView> days) {
    }

    @Schema(name = "GroupAttainment", description = "A group's attainment (all members' work against the group's numbers) and its members' workload")
    public record GroupView(
            @Schema(description = "Group code") String groupCode,
            @Schema(description = "Window kind") WindowKind window,
            @Schema(description = "First day") LocalDate start,
            @Schema(description = "Last day") LocalDate end,
            @Schema(description = "Working days in the window") int workingDays,
            @Schema(description = "The group's items; a joint log counts once") List<ItemView> items,
            @Schema(description = "Members' workload") List<MemberView> members) {

        static GroupView of(AttainmentService.GroupReport r) {
            return new GroupView(r.groupCode(), r.window().kind(), r.window().start(), r.window().end(), r.workingDays(),
                    r.items().stream().map(ItemView::of).toList(),
                    r.members().stream().map(m -> new MemberView(m.staffId(), m.name(),
                            m.days().stream().mapToLong(DayWorkload::minutes).sum(),
                            m.days().stream().map(DayView::of).toList())).toList());
        }
    }
}
