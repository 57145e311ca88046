package com.wuaigou.ops.project.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.project.domain.CheckIn;
import com.wuaigou.ops.project.rest.ProjectViews.CheckInView;
import com.wuaigou.ops.project.service.CheckInService;
import com.wuaigou.ops.project.service.ProjectInputs.CheckInInput;
import com.wuaigou.ops.project.service.Versioned;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/projects/{id}/check-ins")
@Tag(name = "Supervision", description = "Check-ins while a project is in DO")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckInResource {

    private final CheckInService checkIns;

    CheckInResource(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List check-ins", description = "Check-ins by date.")
    @APIResponse(responseCode = "200", description = "Check-ins")
    public List<CheckInView> list(@PathParam("id") long id) {
        return checkIns.list(id).stream().map(ProjectViews::checkIn).toList();
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Record a check-in", description = "During DO, by the lead, the group's manager or a "
            + "director: date, progress, red/amber/green status, issues and next steps.")
    @APIResponse(responseCode = "201", description = "The check-in",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = CheckInView.class)))
    public Response add(@PathParam("id") long id,
                        @Parameter(description = ProjectResource.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                        @Valid @NotNull CheckInInput request, @Context UriInfo uri) {
        Versioned<CheckIn> result = checkIns.add(id, ifMatch, request);
        return Http.created(uri.getAbsolutePathBuilder().path(result.value().id.toString()).build(),
                ProjectViews.checkIn(result.value()), result.projectVersion());
    }
}
