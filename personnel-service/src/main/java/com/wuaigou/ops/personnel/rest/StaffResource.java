package com.wuaigou.ops.personnel.rest;

import com.wuaigou.ops.common.api.PageResponse;
import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.concurrency.IfMatch;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.input.SingleLine;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.personnel.domain.GroupRole;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffStatus;
import com.wuaigou.ops.personnel.rest.StaffResponses.ContactDetails;
import com.wuaigou.ops.personnel.rest.StaffResponses.StaffResponse;
import com.wuaigou.ops.personnel.service.AccessPolicy;
import com.wuaigou.ops.personnel.service.RosterImport;
import com.wuaigou.ops.personnel.service.RosterQueries;
import com.wuaigou.ops.personnel.service.ScorecardService;
import com.wuaigou.ops.personnel.service.Scorecards;
import com.wuaigou.ops.personnel.service.StaffService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "People, their placements over time, status and development direction")
public class StaffResource {

    private final StaffService staff;
    private final RosterQueries queries;
    private final RosterImport importer;
    private final AccessPolicy access;
    private final ScorecardService scorecards;

    StaffResource(StaffService staff, RosterQueries queries, RosterImport importer, AccessPolicy access,
                  ScorecardService scorecards) {
        this.staff = staff;
        this.queries = queries;
        this.importer = importer;
        this.access = access;
        this.scorecards = scorecards;
    }

    @Schema(description = "A new person; they start active on their hire date")
    public record NewStaffRequest(
            @Schema(description = "Unique employee number", example = "CS-012")
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}",
                    message = "must be 1-40 letters, digits, - or _") @Size(max = 40) String employeeNumber,
            @Schema(description = "Name", example = "Li Na") @NotBlank @SingleLine @Size(max = 100) String name,
            @Schema(description = "Group", example = "CS") @NotBlank @Size(max = 20) String groupCode,
            @Schema(description = "Post, one of the group's", example = "CS-AGENT") @NotBlank @Size(max = 40) String postCode,
            @Schema(description = "Role in the group; a group has at most one manager") @NotNull GroupRole groupRole,
            @Schema(description = "Hire date; the first placement starts on it") @NotNull LocalDate hireDate,
            @Schema(description = "Development direction (培养方向)") @Size(max = 2000) String developmentDirection,
            @Schema(description = "Contact details") @Valid ContactDetails contact) {
    }

    @Schema(description = "A person's details other than placement and status")
    public record StaffUpdateRequest(
            @Schema(description = "Unique employee number")
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}",
                    message = "must be 1-40 letters, digits, - or _") @Size(max = 40) String employeeNumber,
            @Schema(description = "Name") @NotBlank @SingleLine @Size(max = 100) String name,
            @Schema(description = "Development direction (培养方向)") @Size(max = 2000) String developmentDirection,
            @Schema(description = "Contact details") @Valid ContactDetails contact) {
    }

    @Schema(description = "A new development direction")
    public record DirectionRequest(
            @Schema(description = "Development direction (培养方向); null clears it") @Size(max = 2000)
            String developmentDirection) {
    }

    @Schema(description = "A change of status from a date")
    public record StatusRequest(
            @Schema(description = "New status; LEFT is final") @NotNull StaffStatus status,
            @Schema(description = "First day of the new status; for LEFT the first day no longer with the department")
            @NotNull LocalDate since) {
    }

    @Schema(description = "A transfer to a group, post and role from a date")
    public record MoveRequest(
            @Schema(description = "Target group") @NotBlank @Size(max = 20) String groupCode,
            @Schema(description = "Target post, one of the group's") @NotBlank @Size(max = 40) String postCode,
            @Schema(description = "Role in the target group") @NotNull GroupRole groupRole,
            @Schema(description = "First day in the new placement: today or earlier (Asia/Shanghai)")
            @NotNull LocalDate effectiveFrom) {
    }

    @Schema(description = "The outcome of a successful import")
    public record ImportResponse(
            @Schema(description = "How many people were created") int created,
            @Schema(description = "Their staff ids, in file order") List<Long> ids) {
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List staff", description = "Filtered, sorted pages of people. Contact details only where the"
            + " caller may see them. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "One page")
    public PageResponse<StaffResponse> list(
            @Parameter(description = "Only this group") @QueryParam("group") String group,
            @Parameter(description = "Only this post") @QueryParam("post") String post,
            @Parameter(description = "Only this status") @QueryParam("status") StaffStatus status,
            @Parameter(description = "Only this role") @QueryParam("role") GroupRole role,
            @Parameter(description = "Text in the name or employee number, any case") @QueryParam("q") String text,
            @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1-200") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size,
            @Parameter(description = "field,asc|desc with field one of id, name, employeeNumber, hireDate, groupCode,"
                    + " postCode, status, groupRole", example = "name,asc") @QueryParam("sort") String sort) {
        RosterQueries.StaffPage found = queries.list(new RosterQueries.StaffFilter(group, post, status, role, text),
                page, size, sort);
        return PageResponse.of(found.items(), this::view, found.page(), found.size(), found.total());
    }

    @GET
    @Path("{id}/scorecard")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Tag(name = "Scorecard")
    @Operation(summary = "A person's monthly scorecard", description = "Built only from quota-service's MONTH period"
            + " locks (the approved figures) and project-service's closed projects: each item's target, done, ratio"
            + " and status with primary, flexible and unplanned work apart; the share of items met; workload minutes"
            + " against working minutes; the projects closed in the month that the person led or assisted with their"
            + " evaluation score and the person's share; and one overall score 0-100 with the configured weights."
            + " `locked` says whether the figures are final; without a lock the item figures are empty. The person"
            + " themself, the manager of a group they belonged to, directors, admins and bi.")
    @APIResponse(responseCode = "200", description = "The card")
    @APIResponse(responseCode = "400", description = "month is missing or not YYYY-MM")
    public Scorecards.StaffCard scorecard(@PathParam("id") long id,
                                          @Parameter(description = "The month, YYYY-MM", required = true)
                                          @QueryParam("month") @NotNull YearMonth month) {
        return scorecards.staffCard(id, month);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read a person", description = "With asOf, the group, post and role are those in force on"
            + " that date. Contact details only for the person, their group's manager, directors and admins.")
    @APIResponse(responseCode = "200", description = "The person",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "400", description = "asOf is not a date")
    public StaffResponse get(@PathParam("id") long id,
                             @Parameter(description = "Answer for this date") @QueryParam("asOf") LocalDate asOf) {
        Staff person = staff.get(id);
        return StaffResponses.of(person, access.maySeeContact(person), asOf);
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Add a person", description = "Creates the person and their first placement; a MANAGER"
            + " becomes the group's manager. Publishes ops.personnel.staff.changed.v1. Directors and admins.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION),
            content = @Content(schema = @Schema(implementation = StaffResponse.class)))
    @APIResponse(responseCode = "409", description = "unique-employee-number or one-manager-per-group")
    @APIResponse(responseCode = "422", description = "unknown-group, unknown-post or post-not-in-group")
    public Response create(@Valid @NotNull NewStaffRequest request) {
        Staff created = staff.create(new StaffService.NewStaff(request.employeeNumber(), request.name(),
                request.groupCode(), request.postCode(), request.groupRole(), null, null, request.hireDate(),
                request.developmentDirection(), contact(request.contact()), false), null);
        return Response.created(URI.create("/api/v1/staff/" + created.id)).entity(StaffResponses.of(created, true))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Change a person's details", description = "Employee number, name, development direction"
            + " and contact details; placement and status change through their own operations. Directors and admins.")
    @APIResponse(responseCode = "200", description = "The changed person",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "409", description = "unique-employee-number")
    public StaffResponse update(@PathParam("id") long id,
                                @Parameter(description = ETags.IF_MATCH, required = true)
                                @HeaderParam(IfMatch.HEADER) String ifMatch,
                                @Valid @NotNull StaffUpdateRequest request) {
        return StaffResponses.of(staff.updateDetails(id, ifMatch, new StaffService.Details(request.employeeNumber(),
                request.name(), request.developmentDirection(), contact(request.contact()))), true);
    }

    @PUT
    @Path("{id}/development-direction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Set a person's development direction", description = "The manager of the person's group,"
            + " directors and admins.")
    @APIResponse(responseCode = "200", description = "The changed person",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Not the manager of the person's group")
    public StaffResponse changeDevelopmentDirection(@PathParam("id") long id,
                                                    @Parameter(description = ETags.IF_MATCH, required = true)
                                                    @HeaderParam(IfMatch.HEADER) String ifMatch,
                                                    @Valid @NotNull DirectionRequest request) {
        Staff changed = staff.changeDevelopmentDirection(id, ifMatch, request.developmentDirection());
        return StaffResponses.of(changed, access.maySeeContact(changed));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Change a person's status", description = "Active, on leave or left, from a date. Leaving"
            + " ends the placement the day before and is final; the person is never deleted. Directors and admins.")
    @APIResponse(responseCode = "200", description = "The changed person",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "422", description = "manager-must-be-active-member, left-is-final or "
            + "status-date-within-placement")
    public StaffResponse changeStatus(@PathParam("id") long id,
                                      @Parameter(description = ETags.IF_MATCH, required = true)
                                      @HeaderParam(IfMatch.HEADER) String ifMatch,
                                      @Valid @NotNull StatusRequest request) {
        return StaffResponses.of(staff.changeStatus(id, ifMatch, request.status(), request.since()), true);
    }

    @POST
    @Path("{id}/moves")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Move a person", description = "A transfer to a group, post and role from a date; the"
            + " previous placement ends the day before and stays in the history. Directors and admins.")
    @APIResponse(responseCode = "200", description = "The moved person",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "409", description = "one-manager-per-group or one-group-at-a-time "
            + "(the date is before the current placement's start)")
    @APIResponse(responseCode = "422", description = "unknown-group, unknown-post, post-not-in-group, "
            + "no-future-moves, left-is-final or manager-must-be-active-member")
    public StaffResponse move(@PathParam("id") long id,
                              @Parameter(description = ETags.IF_MATCH, required = true)
                              @HeaderParam(IfMatch.HEADER) String ifMatch,
                              @Valid @NotNull MoveRequest request) {
        return StaffResponses.of(staff.move(id, ifMatch, new StaffService.Move(request.groupCode(), request.postCode(),
                request.groupRole(), request.effectiveFrom())), true);
    }

    @POST
    @Idempotent
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Import a roster from CSV", description = "All or nothing. The header line names the"
            + " columns: " + RosterImport.HEADER + ". Dates are YYYY-MM-DD; status, statusSince, developmentDirection"
            + " and the contact columns may be empty; double quotes enclose commas and line breaks. When any row is"
            + " bad nothing is created and the answer lists every bad row as errors[] with field 'row N, column C'"
            + " (row 1 is the first row after the header). Directors and admins.")
    @APIResponse(responseCode = "201", description = "Every row was created",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "malformed-csv: the header, a row's number of values or its "
            + "quotes are broken; nothing was created")
    @APIResponse(responseCode = "409", description = "unique-employee-number: a concurrent request took a row's "
            + "employee number")
    @APIResponse(responseCode = "422", description = "valid-import: the rows that are wrong, and why")
    public Response importCsv(String csv) {
        List<Long> ids = importer.importCsv(csv);
        return Response.status(Response.Status.CREATED).entity(new ImportResponse(ids.size(), ids)).build();
    }

    private StaffResponse view(Staff person) {
        return StaffResponses.of(person, access.maySeeContact(person));
    }

    private static StaffService.Contact contact(ContactDetails details) {
        return details == null ? null : new StaffService.Contact(details.phone(), details.qq(), details.email());
    }
}
