package com.wuaigou.ops.project.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.project.domain.BudgetLine;
import com.wuaigou.ops.project.domain.Expense;
import com.wuaigou.ops.project.rest.ProjectViews.BudgetLineView;
import com.wuaigou.ops.project.rest.ProjectViews.ExpenseView;
import com.wuaigou.ops.project.service.BudgetService;
import com.wuaigou.ops.project.service.BudgetSummary;
import com.wuaigou.ops.project.service.ProjectInputs.BudgetLineInput;
import com.wuaigou.ops.project.service.ProjectInputs.ExpenseDecision;
import com.wuaigou.ops.project.service.ProjectInputs.ExpenseInput;
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

@Path("/api/v1/projects/{id}")
@Tag(name = "Budget", description = "Budget lines in CNY, expenses, and budget against actuals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {

    private final BudgetService budget;

    BudgetResource(BudgetService budget) {
        this.budget = budget;
    }

    @GET
    @Path("budget")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Budget against actuals", description = "Planned, spent and remaining per line, in total and "
            + "per calendar month; pending overruns apart; final costs and variance once settled.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = BudgetSummary.class)))
    public BudgetSummary summary(@PathParam("id") long id) {
        return budget.summary(id);
    }

    @POST
    @Idempotent
    @Path("budget/lines")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Add a budget line", description = "During PLAN or DO, by the lead or a supervisor; in PLAN "
            + "it withdraws an approval. Never once the project is settled (409 settled).")
    @APIResponse(responseCode = "201", description = "The line; ETag carries the project's new version",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = BudgetLineView.class)))
    public Response addLine(@PathParam("id") long id,
                            @Parameter(description = ProjectResource.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull BudgetLineInput request, @Context UriInfo uri) {
        Versioned<BudgetLine> result = budget.addLine(id, ifMatch, request);
        return Http.created(uri.getAbsolutePathBuilder().path(result.value().id.toString()).build(),
                ProjectViews.line(result.value()), result.projectVersion());
    }

    @PUT
    @Path("budget/lines/{lineId}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Edit a budget line", description = "During PLAN or DO, by the lead or a supervisor; the plan "
            + "may not drop below what is already spent. Never once the project is settled (409 settled).")
    @APIResponse(responseCode = "200", description = "The line",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = BudgetLineView.class)))
    public Response editLine(@PathParam("id") long id, @PathParam("lineId") long lineId,
                             @Parameter(description = ProjectResource.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                             @Valid @NotNull BudgetLineInput request) {
        Versioned<BudgetLine> result = budget.editLine(id, lineId, ifMatch, request);
        return Http.ok(ProjectViews.line(result.value()), result.projectVersion());
    }

    @GET
    @Path("expenses")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List expenses", description = "Every expense of the project by date, overruns marked.")
    @APIResponse(responseCode = "200", description = "Expenses")
    public List<ExpenseView> expenses(@PathParam("id") long id) {
        return budget.expenses(id).stream().map(ProjectViews::expense).toList();
    }

    @POST
    @Idempotent
    @Path("expenses")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Record an expense", description = "During DO, CHECK or ACT, by the lead or a supervisor. "
            + "One that takes its line over budget is marked as an overrun and waits as PENDING_APPROVAL for the "
            + "group's manager (recorded by the manager or a director it is APPROVED at once).")
    @APIResponse(responseCode = "201", description = "The expense",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ExpenseView.class)))
    public Response recordExpense(@PathParam("id") long id,
                                  @Parameter(description = ProjectResource.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                                  @Valid @NotNull ExpenseInput request, @Context UriInfo uri) {
        Versioned<Expense> result = budget.recordExpense(id, ifMatch, request);
        return Http.created(uri.getAbsolutePathBuilder().path(result.value().id.toString()).build(),
                ProjectViews.expense(result.value()), result.projectVersion());
    }

    @POST
    @Path("expenses/{expenseId}/decision")
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Approve or reject an overrun", description = "By the group's manager or a director, for an "
            + "expense waiting as PENDING_APPROVAL, while the project is in DO, CHECK or ACT (409 once CLOSED or "
            + "CANCELLED); approved it counts as spent and stays marked as an overrun.")
    @APIResponse(responseCode = "200", description = "The expense",
            headers = @Header(name = ETags.HEADER, description = Http.ETAG),
            content = @Content(schema = @Schema(implementation = ExpenseView.class)))
    public Response decide(@PathParam("id") long id, @PathParam("expenseId") long expenseId,
                           @Parameter(description = ProjectResource.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull ExpenseDecision request) {
        Versioned<Expense> result = budget.decide(id, expenseId, ifMatch, request.approve());
        return Http.ok(ProjectViews.expense(result.value()), result.projectVersion());
    }
}
