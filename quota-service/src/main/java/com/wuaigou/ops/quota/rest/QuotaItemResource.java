package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.concurrency.IfMatch;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.QuotaTarget;
import com.wuaigou.ops.quota.rest.QuotaItemViews.Description;
import com.wuaigou.ops.quota.rest.QuotaItemViews.ImportView;
import com.wuaigou.ops.quota.rest.QuotaItemViews.ItemView;
import com.wuaigou.ops.quota.rest.QuotaItemViews.NewItem;
import com.wuaigou.ops.quota.rest.QuotaItemViews.Retirement;
import com.wuaigou.ops.quota.rest.QuotaItemViews.TargetChange;
import com.wuaigou.ops.quota.service.CalendarService;
import com.wuaigou.ops.quota.service.CatalogService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/quota-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "The workload catalog: items, their dated numbers, retirement and CSV import")
public class QuotaItemResource {

    private final CatalogService catalog;
    private final CalendarService calendar;

    QuotaItemResource(CatalogService catalog, CalendarService calendar) {
        this.catalog = catalog;
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List catalog items", description = "Items with the number in force on a date (today by default), optionally of one group; retired items only when asked.")
    @APIResponse(responseCode = "200", description = "The items")
    public List<ItemView> list(@Parameter(description = "Only this group's items") @QueryParam("groupCode") String groupCode,
                               @Parameter(description = "Include items retired on the date") @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
                               @Parameter(description = "Date the numbers are read for; defaults to today") @QueryParam("on") LocalDate on) {
        LocalDate date = on == null ? calendar.today() : on;
        return catalog.list(groupCode, includeRetired, date).stream().map(i -> view(i, date)).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read an item", description = "An item with its number in force on a date (today by default) and the number's dated history.")
    @APIResponse(responseCode = "200", description = "The item", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    public ItemView get(@PathParam("code") String code,
                        @Parameter(description = "Date the number is read for; defaults to today") @QueryParam("on") LocalDate on) {
        return view(catalog.require(code), on == null ? calendar.today() : on);
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Add an item", description = "A manager adds an item to their own group; directors and admins to any. The shape's rules apply as for a CSV row.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION), content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    @APIResponse(responseCode = "409", description = "duplicate-code: the code exists, or a concurrent request added "
            + "it")
    @APIResponse(responseCode = "422", description = "The shape's rules are broken")
    public Response create(@Valid @NotNull NewItem request) {
        LocalDate from = request.effectiveFrom() == null ? calendar.today() : request.effectiveFrom();
        QuotaItem item = catalog.add(request.definition(), from);
        return Response.status(201).entity(view(item, from)).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Change an item's description", description = "Category, names, unit and notes, at the version read.")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    public ItemView describe(@PathParam("code") String code,
                             @Parameter(description = ETags.IF_MATCH, required = true)
                             @HeaderParam(IfMatch.HEADER) String ifMatch,
                             @Valid @NotNull Description request) {
        QuotaItem item = catalog.describe(code, ifMatch, request.category(), request.nameZh(), request.nameEn(),
                request.unit(), request.notes());
        return view(item, calendar.today());
    }

    @POST
    @Path("{code}/targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Change an item's number from a date", description = "Records a new number in force from effectiveFrom (today or later), at the version read. Past periods keep the number they had.")
    @APIResponse(responseCode = "200", description = "Recorded; the item with its history", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    @APIResponse(responseCode = "409", description = "concurrent-modification: a concurrent request recorded a "
            + "number from the same date")
    @APIResponse(responseCode = "422", description = "A past date, or a number the shape does not take")
    public ItemView changeTarget(@PathParam("code") String code,
                                 @Parameter(description = ETags.IF_MATCH, required = true)
                                 @HeaderParam(IfMatch.HEADER) String ifMatch,
                                 @Valid @NotNull TargetChange request) {
        QuotaItem item = catalog.changeTarget(code, ifMatch, request.effectiveFrom(), request.targetMin(),
                request.targetMax());
        return view(item, request.effectiveFrom());
    }

    @POST
    @Path("{code}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Retire an item", description = "Items are retired, never deleted: from the date on they ask nothing and take no new work; their history stays.")
    @APIResponse(responseCode = "200", description = "Retired", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    @APIResponse(responseCode = "409", description = "already-retired")
    @APIResponse(responseCode = "422", description = "A past date")
    public ItemView retire(@PathParam("code") String code,
                           @Parameter(description = ETags.IF_MATCH, required = true)
                           @HeaderParam(IfMatch.HEADER) String ifMatch,
                           @Valid @NotNull Retirement request) {
        LocalDate on = request.retiredOn() == null ? calendar.today() : request.retiredOn();
        return view(catalog.retire(code, ifMatch, on), on);
    }

    @POST
    @Idempotent
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Import the catalog CSV", description = "All or nothing: every row is checked first, and any bad row refuses the file with each problem named 'row N, column C' (row 1 is the first row after the header; double quotes enclose commas and line breaks). New codes are created; existing items take their row's description and, when it differs, its number from effectiveFrom (today by default).")
    @APIResponse(responseCode = "200", description = "Imported", content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", description = "malformed-csv: the header, a row's number of values or its "
            + "quotes are broken; nothing was imported")
    @APIResponse(responseCode = "422", description = "Bad rows; nothing was imported")
    public Response importCsv(@Parameter(description = "From when changed numbers are in force; today or later") @QueryParam("effectiveFrom") LocalDate effectiveFrom,
                                String csv) {
        CatalogService.ImportResult result = catalog.importCsv(csv == null ? "" : csv,
                effectiveFrom == null ? calendar.today() : effectiveFrom);
        return Response.ok(new ImportView(result.created(), result.updated(), result.unchanged(), result.targetsChanged()))
                .build();
    }

    private ItemView view(QuotaItem item, LocalDate on) {
        return ItemView.of(item, catalog.targetOn(item, on), QuotaTarget.history(item.id));
    }
}
