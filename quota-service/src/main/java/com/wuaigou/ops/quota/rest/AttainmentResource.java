package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.roster.RosterStaff;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.quota.domain.Window;
import com.wuaigou.ops.quota.domain.WindowKind;
import com.wuaigou.ops.quota.rest.AttainmentViews.GroupView;
import com.wuaigou.ops.quota.rest.AttainmentViews.PersonView;
import com.wuaigou.ops.quota.service.Access;
import com.wuaigou.ops.quota.service.AttainmentService;
import com.wuaigou.ops.quota.service.CalendarService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/attainment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attainment", description = "Targets against work done per person, group and department, for a day, an ISO week or a month")
public class AttainmentResource {

    private final AttainmentService attainment;
    private final CalendarService calendar;
    private final Access access;

    AttainmentResource(AttainmentService attainment, CalendarService calendar, Access access) {
        this.attainment = attainment;
        this.calendar = calendar;
        this.access = access;
    }

    @GET
    @Path("staff/{staffId}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "A person's attainment", description = "Per item assigned or worked on: the target of the window (shares prorated by working days), done, ratio and status; plus the workload per day against 480 minutes. Staff read their own, managers their group's.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Someone else's figures")
    public PersonView person(@PathParam("staffId") long staffId,
                             @Parameter(description = "DAY, WEEK (ISO) or MONTH") @QueryParam("window") @DefaultValue("MONTH") WindowKind window,
                             @Parameter(description = "A date in the window; defaults to today") @QueryParam("date") LocalDate date) {
        LocalDate day = date == null ? calendar.today() : date;
        RosterStaff staff = attainment.requireStaff(staffId);
        Window span = Window.of(window, day);
        access.requireReadPerson(staff, staff.groupOn(span.end()));
        return PersonView.of(attainment.person(staff, window, day));
    }

    @GET
    @Path("groups/{groupCode}")
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "A group's attainment", description = "Per item of the group: the group's number for the window against all members' work (a joint log counts once), and each member's workload per day.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    public GroupView group(@PathParam("groupCode") String groupCode,
                           @Parameter(description = "DAY, WEEK (ISO) or MONTH") @QueryParam("window") @DefaultValue("MONTH") WindowKind window,
                           @Parameter(description = "A date in the window; defaults to today") @QueryParam("date") LocalDate date) {
        access.requireReadGroup(groupCode);
        return GroupView.of(attainment.group(groupCode, window, date == null ? calendar.today() : date));
    }

    @GET
    @Path("department")
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "The department's attainment", description = "Every group's attainment for the window, from one read of its logs.")
    @APIResponse(responseCode = "200", description = "One entry per group")
    public List<GroupView> department(@Parameter(description = "DAY, WEEK (ISO) or MONTH") @QueryParam("window") @DefaultValue("MONTH") WindowKind window,
                                      @Parameter(description = "A date in the window; defaults to today") @QueryParam("date") LocalDate date) {
        if (!access.readsEverything()) {
            throw ProblemException.forbidden("Only directors, admins and bi read the whole department");
        }
        return attainment.department(window, date == null ? calendar.today() : date).stream().map(GroupView::of).toList();
    }
}
