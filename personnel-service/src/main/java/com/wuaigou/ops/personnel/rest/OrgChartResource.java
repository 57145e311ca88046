package com.wuaigou.ops.personnel.rest;

import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.personnel.domain.GroupRole;
import com.wuaigou.ops.personnel.domain.Placement;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.personnel.service.RosterQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Path("/api/v1/org-chart")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Org chart", description = "Who was in which group, and who managed it, on a date")
public class OrgChartResource {

    private final RosterQueries queries;
    private final DepartmentClock clock;

    OrgChartResource(RosterQueries queries, DepartmentClock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Schema(description = "A person's place in the chart")
    public record ChartPerson(
            @Schema(description = "Staff id") long id,
            @Schema(description = "Employee number") String employeeNumber,
            @Schema(description = "Name") String name,
            @Schema(description = "Post on that date") String postCode,
            @Schema(description = "Role on that date") GroupRole groupRole) {
    }

    @Schema(description = "A group on that date")
    public record ChartGroup(
            @Schema(description = "Group code") String code,
            @Schema(description = "Chinese name") String nameZh,
            @Schema(description = "English name") String nameEn,
            @Schema(description = "Whether it is a core business area") boolean core,
            @Schema(nullable = true, description = "Its manager on that date; null if none") ChartPerson manager,
            @Schema(description = "Everyone placed in it that date, the manager included, by name") List<ChartPerson> members) {
    }

    @Schema(description = "The department on a date")
    public record OrgChart(
            @Schema(description = "The date the chart answers for") LocalDate asOf,
            @Schema(description = "Every group, by code") List<ChartGroup> groups) {
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Org chart", description = "Groups with their manager and members as of a date (today in"
            + " Asia/Shanghai by default). Names only, no contact details. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "The chart")
    @APIResponse(responseCode = "400", description = "asOf is not a date")
    public OrgChart chart(@Parameter(description = "The date; today by default") @QueryParam("asOf") LocalDate asOf) {
        LocalDate day = asOf == null ? clock.today() : asOf;
        List<RosterQueries.GroupChart> charts = queries.orgChart(day);
        List<Placement> all = new ArrayList<>();
        charts.forEach(chart -> all.addAll(chart.members()));
        Map<Long, Staff> people = queries.staffOf(all);
        List<ChartGroup> groups = charts.stream().map(chart -> new ChartGroup(chart.group().code, chart.group().nameZh,
                chart.group().nameEn, chart.group().core,
                chart.manager() == null ? null : person(chart.manager(), people),
                chart.members().stream().map(p -> person(p, people))
                        .sorted((a, b) -> a.name().compareTo(b.name())).toList())).toList();
        return new OrgChart(day, groups);
    }

    private static ChartPerson person(Placement placement, Map<Long, Staff> people) {
        Staff staff = people.get(placement.staffId);
        return new ChartPerson(staff.id, staff.employeeNumber, staff.name, placement.postCode, placement.groupRole);
    }
}
