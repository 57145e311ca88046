package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.concurrency.IfMatch;
import com.wuaigou.ops.common.concurrency.VersionedView;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.quota.domain.AllocationStatus;
import com.wuaigou.ops.quota.domain.Assignment;
import com.wuaigou.ops.quota.domain.Duty;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.Shape;
import com.wuaigou.ops.quota.domain.TargetRange;
import com.wuaigou.ops.quota.service.AssignmentService;
import com.wuaigou.ops.quota.service.CalendarService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Items of a group given to members, whole or as shares, as primary or flexible duties")
public class AssignmentResource {

    private final AssignmentService assignments;
    private final CalendarService calendar;

    AssignmentResource(AssignmentService assignments, CalendarService calendar) {
        this.assignments = assignments;
        this.calendar = calendar;
    }

    @Schema(name = "NewAssignment", description = "An item of the manager's group for a member; no share means the whole item")
    public record NewAssignment(
            @Schema(description = "Item code", example = "PB-SINA-WEIBO") @NotBlank @Size(max = 60) String itemCode,
            @Schema(description = "The member's staff id") @NotNull Long staffId,
            @Schema(description = "PRIMARY or FLEXIBLE") @NotNull Duty duty,
            @Schema(description = "Low end of the member's own share, per the item's period (slots per day for coverage, minutes per day for durations), at most four decimals; omit for the whole item")
            @DecimalMin("0") @DecimalMax("9999999999.9999") @Digits(integer = 10, fraction = 4) BigDecimal shareMin,
            @Schema(description = "High end of the share; defaults to its low end") @DecimalMin("0") @DecimalMax("9999999999.9999") @Digits(integer = 10, fraction = 4) BigDecimal shareMax,
            @Schema(description = "First day") @NotNull LocalDate validFrom,
            @Schema(description = "Last day (inclusive); omit for open-ended") LocalDate validTo) {
    }

    @Schema(name = "AssignmentEnd", description = "Ends an assignment; it stays in the history")
    public record EndRequest(
            @Schema(description = "Last day (inclusive)") @NotNull LocalDate validTo) {
    }

    @Schema(name = "Assignment", description = "An item given to a member")
    public record AssignmentView(
            @Schema(description = "Assignment id") long id,
            @Schema(description = "Item code") String itemCode,
            @Schema(description = "The item's group") String groupCode,
            @Schema(description = "The member") long staffId,
            @Schema(description = "PRIMARY or FLEXIBLE") Duty duty,
            @Schema(description = "Whether the member holds the whole item") boolean whole,
            @Schema(nullable = true, description = "Low end of the share; null for the whole item") BigDecimal shareMin,
            @Schema(nullable = true, description = "High end of the share; null for the whole item") BigDecimal shareMax,
            @Schema(description = "First day") LocalDate validFrom,
            @Schema(nullable = true, description = "Last day, inclusive; null while open") LocalDate validTo,
            @Schema(description = "Who assigned it") long assignedBy,
            @Schema(description = "Version; the answer's ETag carries it too") long version) implements VersionedView {

        static AssignmentView of(Assignment a) {
            QuotaItem item = QuotaItem.findById(a.itemId);
            TargetRange share = a.share();
            return new AssignmentView(a.id, item.code, a.groupCode, a.staffId, a.duty, a.isWhole(),
                    share == null ? null : share.low(), share == null ? null : share.high(), a.validFrom, a.validTo, a.assignedBy, a.version);
        }
    }

    @Schema(name = "AllocationLine", description = "One item's shares against the group's number")
    public record AllocationView(
            @Schema(description = "Item code") String itemCode,
            @Schema(description = "Shape") Shape shape,
            @Schema(nullable = true, description = "Group's number, low end (slot-persons per day for coverage)") BigDecimal groupMin,
            @Schema(nullable = true, description = "Group's number, high end") BigDecimal groupMax,
            @Schema(description = "Sum of the members' shares, low end (a whole assignment counts the whole number)") BigDecimal allocatedMin,
            @Schema(description = "Sum of the members' shares, high end") BigDecimal allocatedMax,
            @Schema(description = "Members holding the item") int assignees,
            @Schema(description = "UNDER, BALANCED, OVER or NOT_APPLICABLE") AllocationStatus status) {
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Assign an item", description = "A manager gives an item of their group to a member of it, whole or as a share, from a date and optionally to one.")
    @APIResponse(responseCode = "201", description = "Assigned", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION), content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "409", description = "The member already holds the item then")
    @APIResponse(responseCode = "422", description = "Unknown, departed or non-member person; retired item; a share "
            + "for an item without a number")
    public Response assign(@Valid @NotNull NewAssignment request) {
        Assignment assignment = assignments.assign(new AssignmentService.NewAssignment(request.itemCode(), request.staffId(),
                request.duty(), request.shareMin(), request.shareMax(), request.validFrom(), request.validTo()));
        return Response.status(201).entity(AssignmentView.of(assignment)).build();
    }

    @POST
    @Path("{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "End an assignment", description = "Sets its last day; the assignment stays in the history. To change a share, end it and assign again.")
    @APIResponse(responseCode = "200", description = "Ended", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    @APIResponse(responseCode = "422", description = "Already ended earlier")
    public AssignmentView end(@PathParam("id") long id,
                              @Parameter(description = ETags.IF_MATCH, required = true)
                              @HeaderParam(IfMatch.HEADER) String ifMatch,
                              @Valid @NotNull EndRequest request) {
        return AssignmentView.of(assignments.end(id, ifMatch, request.validTo()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read an assignment", description = "Staff read their own, managers their group's.")
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Someone else's")
    public AssignmentView get(@PathParam("id") long id) {
        return AssignmentView.of(assignments.read(id));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List assignments", description = "The history of assignments the caller may see, filtered; 'on' keeps those in force that day.")
    @APIResponse(responseCode = "200", description = "The assignments")
    @APIResponse(responseCode = "404", description = "No such item")
    public List<AssignmentView> list(@Parameter(description = "Group code") @QueryParam("groupCode") String groupCode,
                                     @Parameter(description = "Staff id") @QueryParam("staffId") Long staffId,
                                     @Parameter(description = "Item code") @QueryParam("itemCode") String itemCode,
                                     @Parameter(description = "Only those in force on this date") @QueryParam("on") LocalDate on) {
        return assignments.list(groupCode, staffId, itemCode, on).stream().map(AssignmentView::of).toList();
    }

    @GET
    @Path("allocation")
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Allocation of a group's items", description = "For each item of the group, the members' shares in force on a date (today by default) against the group's number: under, balanced or over.")
    @APIResponse(responseCode = "200", description = "One line per item")
    @APIResponse(responseCode = "400", description = "No group given")
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    public List<AllocationView> allocation(@Parameter(description = "Group code", required = true) @QueryParam("groupCode") @NotBlank String groupCode,
                                           @Parameter(description = "Date; defaults to today") @QueryParam("on") LocalDate on) {
        return assignments.allocation(groupCode, on == null ? calendar.today() : on).stream()
                .map(l -> new AllocationView(l.item().code, l.item().shape,
                        l.groupTarget() == null ? null : l.groupTarget().low(),
                        l.groupTarget() == null ? null : l.groupTarget().high(),
                        l.allocated().low(), l.allocated().high(), l.assignees(), l.status()))
                .toList();
    }
}
