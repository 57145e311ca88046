package com.wuaigou.ops.project.rest;

import com.wuaigou.ops.common.api.PageResponse;
import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.PhaseTransition;
import com.wuaigou.ops.project.domain.Project;
import com.wuaigou.ops.project.domain.ProjectType;
import com.wuaigou.ops.project.rest.ProjectViews.ProjectView;
import com.wuaigou.ops.project.rest.ProjectViews.TransitionView;
import com.wuaigou.ops.project.service.LifecycleService;
import com.wuaigou.ops.project.service.ProjectInputs.EvaluationInput;
import com.wuaigou.ops.project.service.ProjectInputs.FollowUpInput;
import com.wuaigou.ops.project.service.ProjectInputs.NewProject;
import com.wuaigou.ops.project.service.ProjectInputs.ProjectEdit;
import com.wuaigou.ops.project.service.ProjectInputs.ProposalInput;
import com.wuaigou.ops.project.service.ProjectInputs.SettlementInput;
import com.wuaigou.ops.project.service.ProjectInputs.TransitionRequest;
import com.wuaigou.ops.project.service.ProjectSearch;
import com.wuaigou.ops.project.service.ProjectService;
import com.wuaigou.ops.project.service.Versioned;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/projects")
@Tag(name = "Projects", description = "Project units (activities and products) through PLAN, DO, CHECK, ACT and CLOSED")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    static final String IF_MATCH = "The project's ETag as last read (or *). Required: without it the change is refused"
            + " with 428, and with a stale one with 412; weak tags never match";

    private final ProjectService projects;
    private final LifecycleService lifecycle;
    private final ProjectSearch search;
    private final ProjectViews views;

    ProjectResource(ProjectService projects, LifecycleService lifecycle, ProjectSearch search, ProjectViews views) {
        this.projects = projects;
        this.lifecycle = lifecycle;
        this.search = search;
        this.views = views;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List projects", description = "Projects the caller may read (their group's, their own, all "
            + "for directors, admins and bi), filtered and paged; pages count from 0.")
    @APIResponse(responseCode = "200", description = "One page of projects")
    public PageResponse<ProjectView> list(
            @Parameter(description = "Only this phase: PLAN, DO, CHECK, ACT, CLOSED or CANCELLED")
            @QueryParam("phase") String phase,
            @Parameter(description = "Only this type: ACTIVITY or PRODUCT") @QueryParam("type") String type,
            @Parameter(description = "Only this owning group") @QueryParam("group") String group,
            @Parameter(description = "Only projects this staff id leads or assists") @QueryParam("member") Long member,
            @Parameter(description = "true: only with overdue actions; false: only without")
            @QueryParam("overdueActions") Boolean overdueActions,
            @Parameter(description = "true: only with a line over budget; false: only without")
            @QueryParam("overBudget") Boolean overBudget,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") int size) {
        ProjectSearch.Result result = search.search(
                new ProjectSearch.Filter(Http.enumParam("phase", phase, Phase.class),
                        Http.enumParam("type", type, ProjectType.class), group, member, overdueActions, overBudget),
                page, size);
        return PageResponse.of(result.items(), views::project, result.page(), result.size(), result.total());
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Create a project", description = "A new project in PLAN, by the owning group's manager or "
            + "a director. Lead and assistants must be active staff known from the roster. A code already taken, even "
            + "by a create racing this one, is 409 duplicate-code.")
    @APIResponse(responseCode = "201", description = "Created; ETag carries the version",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response create(@Valid @NotNull NewProject request, @Context UriInfo uri) {
        Project project = projects.create(request);
        return Http.created(uri.getAbsolutePathBuilder().path(project.id.toString()).build(), views.project(project),
                project.version);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read a project", description = "The project with its proposal, approval, evaluation, "
            + "follow-up and settlement; ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The project",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response get(@PathParam("id") long id) {
        Project project = projects.get(id);
        return Http.ok(views.project(project), project.version);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Edit a project's core", description = "Title, size, lead, assistants and planned dates of "
            + "an open project, by its lead or a supervisor; only a supervisor changes the lead, and only before CHECK "
            + "(409 lead-locked from CHECK on). Once settled, lead, assistants and roles stay as settled (409 settled). "
            + "Everyone who was ever lead or assistant stays in the project's member history.")
    @APIResponse(responseCode = "200", description = "The project",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response edit(@PathParam("id") long id, @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                         @Valid @NotNull ProjectEdit request) {
        return project(projects.edit(id, ifMatch, request));
    }

    @PUT
    @Path("{id}/proposal")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Save the proposal", description = "Objectives and measurable success criteria, during PLAN, "
            + "by the lead or a supervisor. May be incomplete; changing it withdraws an approval.")
    @APIResponse(responseCode = "200", description = "The project",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response propose(@PathParam("id") long id,
                            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ProposalInput request) {
        return project(projects.propose(id, ifMatch, request));
    }

    @POST
    @Path("{id}/approval")
    // It reads no body, so it takes a request with none and no Content-Type (or any) rather than refusing with 415.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Approve the plan", description = "By the group's manager or a director, during PLAN. Takes "
            + "no body: none and no Content-Type are needed.")
    @APIResponse(responseCode = "200", description = "The project",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response approve(@PathParam("id") long id,
                            @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        return project(projects.approve(id, ifMatch));
    }

    @POST
    @Idempotent
    @Path("{id}/transitions")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Request a phase change", description = "Moves the project to the next phase, or cancels it "
            + "with a reason. Each gate refuses with 422 listing every missing item in errors; closing also waits until "
            + "no expense is PENDING_APPROVAL. Closing and cancelling are for the group's manager or a director.")
    @APIResponse(responseCode = "201", description = "The accepted transition; ETag carries the project's new version",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = TransitionView.class)))
    public Response transition(@PathParam("id") long id,
                               @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull TransitionRequest request, @Context UriInfo uri) {
        Versioned<PhaseTransition> result = lifecycle.transition(id, ifMatch, request);
        return Http.created(uri.getAbsolutePathBuilder().path(result.value().id.toString()).build(),
                ProjectViews.transition(result.value()), result.projectVersion());
    }

    @GET
    @Path("{id}/transitions")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Phase history", description = "Every accepted phase change: who, when and why.")
    @APIResponse(responseCode = "200", description = "Transitions, oldest first")
    public List<TransitionView> history(@PathParam("id") long id) {
        return projects.history(id).stream().map(ProjectViews::transition).toList();
    }

    @PUT
    @Path("{id}/evaluation")
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Record the evaluation", description = "During CHECK, by the group's manager or a director "
            + "who never led or assisted the project (403 otherwise): a result for each success criterion, a score, what "
            + "went well and badly. Locked once recorded (a second attempt is 409).")
    @APIResponse(responseCode = "200", description = "The project",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response evaluate(@PathParam("id") long id,
                             @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                             @Valid @NotNull EvaluationInput request) {
        return project(lifecycle.evaluate(id, ifMatch, request));
    }

    @PUT
    @Path("{id}/follow-up")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Record follow-up decisions", description = "During ACT, by the lead or a supervisor: what to "
            + "standardise and what to change next time.")
    @APIResponse(responseCode = "200", description = "The project",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response followUp(@PathParam("id") long id,
                             @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                             @Valid @NotNull FollowUpInput request) {
        return project(lifecycle.followUp(id, ifMatch, request));
    }

    @PUT
    @Path("{id}/settlement")
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Settle the project", description = "During ACT, by the group's manager or a director: the "
            + "final cost of every budget line (variance in the budget) and each member's share, adding up to 100%. "
            + "From then on members, roles and budget lines are fixed (409 settled).")
    @APIResponse(responseCode = "200", description = "The project",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response settle(@PathParam("id") long id,
                           @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull SettlementInput request) {
        return project(lifecycle.settle(id, ifMatch, request));
    }

    private Response project(Versioned<Project> result) {
        return Http.ok(views.project(result.value()), result.projectVersion());
    }
}
