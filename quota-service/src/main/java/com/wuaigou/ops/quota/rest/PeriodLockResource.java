package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.concurrency.IfMatch;
import com.wuaigou.ops.common.concurrency.VersionedView;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.quota.domain.PeriodLock;
import com.wuaigou.ops.quota.domain.WindowKind;
import com.wuaigou.ops.quota.service.PeriodLockService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/period-locks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Period locks", description = "A manager approves (locks) a past period of their group; a director reopens it")
public class PeriodLockResource {

    private final PeriodLockService locks;

    PeriodLockResource(PeriodLockService locks) {
        this.locks = locks;
    }

    @Schema(name = "NewPeriodLock", description = "The group and the past day, ISO week or month to lock")
    public record NewLock(
            @Schema(description = "Group code") @NotBlank @Size(max = 40) String groupCode,
            @Schema(description = "DAY, WEEK or MONTH") @NotNull WindowKind window,
            @Schema(description = "A date in the period") @NotNull LocalDate date) {
    }

    @Schema(name = "Reopening", description = "Why a locked period is reopened")
    public record Reopen(@Schema(description = "Reason") @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "PeriodLock", description = "A locked (approved) period of a group")
    public record LockView(
            @Schema(description = "Lock id") long id,
            @Schema(description = "Group code") String groupCode,
            @Schema(description = "Window kind") WindowKind window,
            @Schema(description = "First day") LocalDate start,
            @Schema(description = "Last day") LocalDate end,
            @Schema(description = "Who locked it") long lockedBy,
            @Schema(description = "When") OffsetDateTime lockedAt,
            @Schema(description = "Whether it still holds") boolean active,
            @Schema(nullable = true, description = "Who reopened it") Long reopenedBy,
            @Schema(nullable = true, description = "When it was reopened") OffsetDateTime reopenedAt,
            @Schema(nullable = true, description = "Why it was reopened") String reopenReason,
            @Schema(description = "Version; the answer's ETag carries it too") long version) implements VersionedView {

        static LockView of(PeriodLock l) {
            return new LockView(l.id, l.groupCode, l.windowKind, l.startDate, l.endDate, l.lockedBy, l.lockedAt,
                    l.isActive(), l.reopenedBy, l.reopenedAt, l.reopenReason, l.version);
        }
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Lock a past period", description = "Freezes the group's logs of the period and publishes each person's attainment per item (ops.quota.period.locked.v1).")
    @APIResponse(responseCode = "201", description = "Locked", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION), content = @Content(schema = @Schema(implementation = LockView.class)))
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    @APIResponse(responseCode = "409", description = "already-locked: a lock already touches the period, or a "
            + "concurrent request locked it first")
    @APIResponse(responseCode = "422", description = "The period is not over, or the group is unknown")
    public Response lock(@Valid @NotNull NewLock request) {
        PeriodLock lock = locks.lock(request.groupCode(), request.window(), request.date());
        return Response.status(201).entity(LockView.of(lock)).build();
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Reopen a period", description = "A director or admin lifts a lock, at the version read, with a reason (ops.quota.period.reopened.v1).")
    @APIResponse(responseCode = "200", description = "Reopened", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "409", description = "already-reopened")
    public LockView reopen(@PathParam("id") long id,
                           @Parameter(description = ETags.IF_MATCH, required = true)
                           @HeaderParam(IfMatch.HEADER) String ifMatch,
                           @Valid @NotNull Reopen request) {
        return LockView.of(locks.reopen(id, ifMatch, request.reason()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read a lock", description = "One lock of a group the caller may read.")
    @APIResponse(responseCode = "200", description = "The lock", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    public LockView get(@PathParam("id") long id) {
        return LockView.of(locks.read(id));
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List locks", description = "Locks of the groups the caller may read.")
    @APIResponse(responseCode = "200", description = "The locks")
    @APIResponse(responseCode = "403", description = "Not the group's manager")
    public List<LockView> list(@Parameter(description = "Group code") @QueryParam("groupCode") String groupCode) {
        return locks.list(groupCode).stream().map(LockView::of).toList();
    }
}
