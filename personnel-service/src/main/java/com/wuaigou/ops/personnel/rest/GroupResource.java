package com.wuaigou.ops.personnel.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.concurrency.IfMatch;
import com.wuaigou.ops.common.concurrency.VersionedView;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.input.SingleLine;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.personnel.domain.StaffGroup;
import com.wuaigou.ops.personnel.service.GroupService;
import com.wuaigou.ops.personnel.service.ScorecardService;
import com.wuaigou.ops.personnel.service.Scorecards;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "The department's business areas and their managers")
public class GroupResource {

    private final GroupService groups;
    private final ScorecardService scorecards;

    GroupResource(GroupService groups, ScorecardService scorecards) {
        this.groups = groups;
        this.scorecards = scorecards;
    }

    @GET
    @Path("{code}/scorecard")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Tag(name = "Scorecard")
    @Operation(summary = "A group's monthly scorecard", description = "Every member placed in the group during the"
            + " month (from the placement history) with their card, and the group's totals: items met over items with"
            + " a target, workload against working minutes, projects closed, mean overall score. The group's manager,"
            + " directors, admins and bi.")
    @APIResponse(responseCode = "200", description = "The group's card")
    @APIResponse(responseCode = "400", description = "month is missing or not YYYY-MM")
    public Scorecards.GroupCard scorecard(@PathParam("code") String code,
                                          @Parameter(description = "The month, YYYY-MM", required = true)
                                          @QueryParam("month") @NotNull YearMonth month) {
        return scorecards.groupCard(code, month);
    }

    @Schema(description = "A business area of the department")
    public record GroupResponse(
            @Schema(description = "Stable code, for example CS") String code,
            @Schema(description = "Chinese name") String nameZh,
            @Schema(description = "English name") String nameEn,
            @Schema(description = "Whether it is one of the five core business areas") boolean core,
            @Schema(nullable = true, description = "Staff id of the group's manager; null while it has none") Long managerId,
            @Schema(description = "Version; the answer\'s ETag carries it too") long version) implements VersionedView {

        static GroupResponse of(StaffGroup group) {
            return new GroupResponse(group.code, group.nameZh, group.nameEn, group.core, group.managerId, group.version);
        }
    }

    @Schema(description = "A new group")
    public record NewGroupRequest(
            @Schema(description = "Code: capital letters, digits, - or _, at most 20", example = "LOGISTICS")
            @NotBlank @Size(max = 20)
            @Pattern(regexp = "[A-Z][A-Z0-9_-]{0,19}", message = "must be 1-20 capital letters, digits, - or _")
            String code,
            @Schema(description = "Chinese name") @NotBlank @SingleLine @Size(max = 100) String nameZh,
            @Schema(description = "English name") @NotBlank @SingleLine @Size(max = 100) String nameEn,
            @Schema(description = "Whether it is a core business area") @NotNull Boolean core) {
    }

    @Schema(description = "The whole changeable state of a group")
    public record GroupUpdateRequest(
            @Schema(description = "Chinese name") @NotBlank @SingleLine @Size(max = 100) String nameZh,
            @Schema(description = "English name") @NotBlank @SingleLine @Size(max = 100) String nameEn,
            @Schema(description = "Whether it is a core business area") @NotNull Boolean core,
            @Schema(description = "Staff id of the manager, an active member of the group; null for none."
                    + " A new manager replaces the previous one, who becomes a member, from today")
            Long managerId) {
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List groups", description = "Every group, by code. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "The groups")
    public List<GroupResponse> list() {
        return StaffGroup.listByCode().stream().map(GroupResponse::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read a group", description = "One group with its manager. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "The group",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    public GroupResponse get(@PathParam("code") String code) {
        return GroupResponse.of(groups.get(code));
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Create a group", description = "Adds a business area without a manager; publishes"
            + " ops.personnel.group.changed.v1. Directors and admins.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION),
            content = @Content(schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "409", description = "unique-group-code: the code is taken")
    public Response create(@Valid @NotNull NewGroupRequest request) {
        StaffGroup group = groups.create(new GroupService.NewGroup(request.code(), request.nameZh(),
                request.nameEn(), request.core()));
        return Response.created(URI.create("/api/v1/groups/" + group.code)).entity(GroupResponse.of(group)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Change a group", description = "Names, core flag and manager. Appointing a manager"
            + " demotes the previous one to member from today. Publishes the group's event and the snapshot of each"
            + " person whose role changed. Directors and admins.")
    @APIResponse(responseCode = "200", description = "The changed group",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "422", description = "manager-must-be-active-member")
    public GroupResponse update(@PathParam("code") String code,
                                @Parameter(description = ETags.IF_MATCH, required = true)
                                @HeaderParam(IfMatch.HEADER) String ifMatch,
                                @Valid @NotNull GroupUpdateRequest request) {
        return GroupResponse.of(groups.update(code, ifMatch, new GroupService.GroupChange(request.nameZh(),
                request.nameEn(), request.core(), request.managerId())));
    }
}
