package com.wuaigou.ops.personnel.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.concurrency.IfMatch;
import com.wuaigou.ops.common.concurrency.VersionedView;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.personnel.domain.DutyPlace;
import com.wuaigou.ops.personnel.domain.DutyShift;
import com.wuaigou.ops.personnel.domain.ShiftStatus;
import com.wuaigou.ops.personnel.service.ShiftService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/shifts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shifts", description = "Duty rosters: offline store AM 08:00-12:00 and PM 13:00-17:00, one person each;"
        + " hotline DAY 08:00-17:00, one person")
public class ShiftResource {

    private final ShiftService shifts;

    ShiftResource(ShiftService shifts) {
        this.shifts = shifts;
    }

    @Schema(description = "One person on duty at one place for one slot of a day")
    public record ShiftResponse(
            @Schema(description = "Shift id") long id,
            @Schema(description = "Day") LocalDate date,
            @Schema(description = "Place") DutyPlace place,
            @Schema(description = "Slot: AM or PM at the store, DAY on the hotline") String slot,
            @Schema(description = "Start, HH:mm (Asia/Shanghai)") String start,
            @Schema(description = "End, HH:mm (Asia/Shanghai)") String end,
            @Schema(description = "Staff id of the person on duty") long staffId,
            @Schema(description = "Status") ShiftStatus status,
            @Schema(description = "Version; the answer\'s ETag carries it too") long version) implements VersionedView {

        static ShiftResponse of(DutyShift shift) {
            return new ShiftResponse(shift.id, shift.date, shift.place, shift.slot, shift.start.toString(),
                    shift.end.toString(), shift.staffId, shift.status, shift.version);
        }
    }

    @Schema(description = "A shift to schedule")
    public record ShiftRequest(
            @Schema(description = "Day") @NotNull LocalDate date,
            @Schema(description = "Place") @NotNull DutyPlace place,
            @Schema(description = "Slot: AM or PM at OFFLINE_STORE, DAY at HOTLINE") @NotBlank @Size(max = 10) String slot,
            @Schema(description = "Staff id of an active person") @NotNull Long staffId) {

        ShiftService.NewShift toCommand() {
            return new ShiftService.NewShift(date, place, slot, staffId);
        }
    }

    @Schema(description = "A week's rota, scheduled all or nothing")
    public record RotaRequest(
            @Schema(description = "Monday of the week") @NotNull LocalDate weekStart,
            @Schema(description = "The shifts, each within the week") @NotEmpty List<@Valid @NotNull ShiftRequest> shifts) {
    }

    @Schema(description = "A slot of a day that is not fully covered")
    public record GapResponse(
            @Schema(description = "Day") LocalDate date,
            @Schema(description = "Place") DutyPlace place,
            @Schema(description = "Slot") String slot,
            @Schema(description = "Start, HH:mm") String start,
            @Schema(description = "End, HH:mm") String end,
            @Schema(description = "How many more people the slot needs") int missing) {
    }

    @Schema(description = "A week's scheduled shifts and its gaps")
    public record WeekResponse(
            @Schema(description = "Monday of the week") LocalDate weekStart,
            @Schema(description = "Scheduled shifts, by day and start") List<ShiftResponse> shifts,
            @Schema(description = "Slots nobody (or too few) cover, every day of the week") List<GapResponse> gaps) {

        static WeekResponse of(ShiftService.Week week) {
            return new WeekResponse(week.weekStart(), week.shifts().stream().map(ShiftResponse::of).toList(),
                    week.gaps().stream().map(g -> new GapResponse(g.date(), g.slot().place(), g.slot().code(),
                            g.slot().start().toString(), g.slot().end().toString(), g.missing())).toList());
        }
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read a week's rota", description = "Scheduled shifts of the week starting on weekStart and"
            + " its gaps. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "The week")
    @APIResponse(responseCode = "400", description = "weekStart is missing or not a Monday")
    public WeekResponse week(@Parameter(description = "Monday of the week", required = true)
                             @QueryParam("weekStart") @NotNull LocalDate weekStart) {
        return WeekResponse.of(shifts.week(weekStart));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read a shift", description = "Any signed-in role.")
    @APIResponse(responseCode = "200", description = "The shift",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    public ShiftResponse get(@PathParam("id") long id) {
        return ShiftResponse.of(shifts.get(id));
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Schedule a shift", description = "Publishes ops.personnel.shift.changed.v1. A manager for"
            + " people of their own group; directors and admins for anyone.")
    @APIResponse(responseCode = "201", description = "Scheduled",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION),
            content = @Content(schema = @Schema(implementation = ShiftResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or the place has no such slot")
    @APIResponse(responseCode = "403", description = "Not the manager of the person's group")
    @APIResponse(responseCode = "409", description = "no-overlapping-shifts or slot-capacity")
    @APIResponse(responseCode = "422", description = "unknown-staff or shift-needs-active-staff")
    public Response schedule(@Valid @NotNull ShiftRequest request) {
        DutyShift shift = shifts.schedule(request.toCommand());
        return Response.created(URI.create("/api/v1/shifts/" + shift.id)).entity(ShiftResponse.of(shift)).build();
    }

    @POST
    @Idempotent
    @Path("rota")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Schedule a week's rota", description = "Every shift in one request, all or nothing; answers"
            + " the week with its remaining gaps. One event per shift. A manager for people of their own group.")
    @APIResponse(responseCode = "201", description = "Scheduled; the week with its gaps",
            content = @Content(schema = @Schema(implementation = WeekResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, weekStart is not a Monday, or no such slot")
    @APIResponse(responseCode = "403", description = "A shift is for someone outside the manager's group")
    @APIResponse(responseCode = "409", description = "no-overlapping-shifts or slot-capacity")
    @APIResponse(responseCode = "422", description = "shift-in-week, unknown-staff or shift-needs-active-staff")
    public Response scheduleWeek(@Valid @NotNull RotaRequest request) {
        ShiftService.Week week = shifts.scheduleWeek(request.weekStart(),
                request.shifts().stream().map(ShiftRequest::toCommand).toList());
        return Response.status(Response.Status.CREATED).entity(WeekResponse.of(week)).build();
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Cancel a shift", description = "The shift stays, cancelled; its slot opens again. A manager"
            + " for people of their own group.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Not the manager of the person's group")
    @APIResponse(responseCode = "422", description = "shift-already-cancelled")
    public ShiftResponse cancel(@PathParam("id") long id,
                                @Parameter(description = ETags.IF_MATCH, required = true)
                                @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return ShiftResponse.of(shifts.cancel(id, ifMatch));
    }
}
