package com.wuaigou.ops.project.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.project.domain.ProjectAction;
import com.wuaigou.ops.project.rest.ProjectViews.ActionView;
import com.wuaigou.ops.project.service.ActionService;
import com.wuaigou.ops.project.service.ProjectInputs.ActionInput;
import com.wuaigou.ops.project.service.ProjectInputs.ActionStatusChange;
import com.wuaigou.ops.project.service.Versioned;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/projects/{id}/actions")
@Tag(name = "Action plan", description = "Actions with owner, due date and status; overdue ones are flagged")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionResource {

    private final ActionService actions;
    private final ProjectViews views;

    ActionResource(ActionService actions, ProjectViews views) {
        this.actions = actions;
        this.views = views;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List actions", description = "The action plan by due date; overdue = open after its due "
            + "date in Asia/Shanghai.")
    @APIResponse(responseCode = "200", description = "Actions")
    public List<ActionView> list(@PathParam("id") long id) {
        return actions.list(id).stream().map(views::action).toList();
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Add an action", description = "During PLAN or DO, by the lead or a supervisor; the owner is "
            + "the lead or an assistant.")
    @APIResponse(responseCode = "201", description = "The action",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response add(@PathParam("id") long id,
                        @Parameter(description = ProjectResource.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                        @Valid @NotNull ActionInput request, @Context UriInfo uri) {
        Versioned<ProjectAction> result = actions.add(id, ifMatch, request);
        return Http.created(uri.getAbsolutePathBuilder().path(result.value().id.toString()).build(),
                views.action(result.value()), result.projectVersion());
    }

    @PUT
    @Path("{actionId}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Edit an action", description = "Title, owner and due date, during PLAN or DO, by the lead "
            + "or a supervisor.")
    @APIResponse(responseCode = "200", description = "The action",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response edit(@PathParam("id") long id, @PathParam("actionId") long actionId,
                         @Parameter(description = ProjectResource.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                         @Valid @NotNull ActionInput request) {
        Versioned<ProjectAction> result = actions.edit(id, actionId, ifMatch, request);
        return Http.ok(views.action(result.value()), result.projectVersion());
    }

    @POST
    @Path("{actionId}/status")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Change an action's status", description = "DONE, DROPPED (with a reason) or OPEN again, "
            + "by the action's owner, the lead or a supervisor, during PLAN or DO.")
    @APIResponse(responseCode = "200", description = "The action",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response changeStatus(@PathParam("id") long id, @PathParam("actionId") long actionId,
                                 @Parameter(description = ProjectResource.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull ActionStatusChange request) {
        Versioned<ProjectAction> result = actions.changeStatus(id, actionId, ifMatch, request);
        return Http.ok(views.action(result.value()), result.projectVersion());
    }
}
