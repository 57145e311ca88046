package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.concurrency.IfMatch;
import com.wuaigou.ops.common.concurrency.VersionedView;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.input.SingleLine;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.TargetRange;
import com.wuaigou.ops.quota.domain.WorkLog;
import com.wuaigou.ops.quota.domain.WorkLogCorrection;
import com.wuaigou.ops.quota.service.CalendarService;
import com.wuaigou.ops.quota.service.WorkLogService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Path("/api/v1/work-logs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work logs", description = "Work done on items: recorded by people, corrected with history, frozen by period locks")
public class WorkLogResource {

    private static final int LONGEST_RANGE_DAYS = 366;

    private final WorkLogService logs;
    private final CalendarService calendar;

    WorkLogResource(WorkLogService logs, CalendarService calendar) {
        this.logs = logs;
        this.calendar = calendar;
    }

    @Schema(name = "NewWorkLog", description = "Work on an item on a day")
    public record NewLog(
            @Schema(description = "Whose work; defaults to the caller") Long staffId,
            @Schema(description = "Item code", example = "PB-SINA-WEIBO") @NotBlank @Size(max = 60) String itemCode,
            @Schema(description = "Day of the work; not in the future (Asia/Shanghai)") @NotNull LocalDate workDate,
            @Schema(description = "Units done, at most two decimals; defaults to 1", example = "3")
            @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal quantity,
            @Schema(description = "Minutes spent, at most a day's 1440; required for RATE and DURATION items")
            @PositiveOrZero @Max(1440) Integer minutes,
            @Schema(description = "The slot covered; required for COVERAGE items, one of the item's slots", example = "AM")
            @SingleLine @Size(max = 40) String slot,
            @Schema(description = "Other people who did it with the subject (standard-time crews, joint items)")
            @Size(max = 100) List<@NotNull Long> crew,
            @Schema(description = "Free note") @Size(max = 1000) String note) {

        WorkLogService.LogInput input() {
            return new WorkLogService.LogInput(staffId, itemCode, workDate, quantity, minutes, slot, crew, note);
        }
    }

    @Schema(name = "WorkLogCorrection", description = "The corrected values of a log; a manager gives a reason")
    public record Correction(
            @Schema(description = "Day of the work; defaults to the current one") LocalDate workDate,
            @Schema(description = "Units done, at most two decimals; defaults to the current quantity")
            @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal quantity,
            @Schema(description = "Minutes spent, at most a day's 1440") @PositiveOrZero @Max(1440) Integer minutes,
            @Schema(description = "Slot covered") @SingleLine @Size(max = 40) String slot,
            @Schema(description = "Other crew members") @Size(max = 100) List<@NotNull Long> crew,
            @Schema(description = "Note") @Size(max = 1000) String note,
            @Schema(description = "Why; required when not the author") @Size(max = 1000) String reason) {
    }

    @Schema(name = "WorkLog", description = "Work on an item on a day")
    public record WorkLogView(
            @Schema(description = "Log id") long id,
            @Schema(description = "Whose work") long staffId,
            @Schema(description = "Item code") String itemCode,
            @Schema(description = "The person's group on the work date") String groupCode,
            @Schema(description = "Day of the work") LocalDate workDate,
            @Schema(description = "Units done") BigDecimal quantity,
            @Schema(nullable = true, description = "Minutes spent") Integer minutes,
            @Schema(nullable = true, description = "Slot covered") String slot,
            @Schema(description = "Everyone credited, the subject included") List<Long> crew,
            @Schema(nullable = true, description = "Note") String note,
            @Schema(description = "Whether no assignment covered the item that day") boolean unplanned,
            @Schema(description = "Who recorded it") long createdBy,
            @Schema(description = "When it was recorded") OffsetDateTime createdAt,
            @Schema(description = "How many corrections it had") int revision,
            @Schema(description = "Version; the answer's ETag carries it too") long version) implements VersionedView {

        static WorkLogView of(WorkLog log) {
            QuotaItem item = QuotaItem.findById(log.itemId);
            return of(log, item.code);
        }

        static WorkLogView of(WorkLog log, String itemCode) {
            return new WorkLogView(log.id, log.staffId, itemCode, log.groupCode, log.workDate, TargetRange.plain(log.quantity), log.minutes,
                    log.slot, log.crew.stream().sorted().toList(), log.note, log.unplanned, log.createdBy,
                    log.createdAt.truncatedTo(ChronoUnit.MILLIS), log.revision, log.version);
        }
    }

    @Schema(name = "WorkLogRevision", description = "One kept correction of a log")
    public record CorrectionView(
            @Schema(description = "Revision it produced") int revision,
            @Schema(description = "Who corrected") long correctedBy,
            @Schema(description = "When") OffsetDateTime correctedAt,
            @Schema(nullable = true, description = "Why") String reason,
            @Schema(description = "The log before, as JSON") String before,
            @Schema(description = "The log after, as JSON") String after) {

        static CorrectionView of(WorkLogCorrection c) {
            return new CorrectionView(c.revision, c.correctedBy, c.correctedAt, c.reason, c.beforeState, c.afterState);
        }
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Log work", description = "Records work on an item. Work on an item nobody assigned to the person is accepted and marked unplanned. With an Idempotency-Key header a retry gets the first answer back and no second log.")
    @APIResponse(responseCode = "201", description = "Recorded (or the first answer to this Idempotency-Key)", content = @Content(schema = @Schema(implementation = WorkLogView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request, for example a negative quantity, one with "
            + "more than two decimals, or a blank Idempotency-Key")
    @APIResponse(responseCode = "403", description = "Someone else's work")
    @APIResponse(responseCode = "422", description = "Unknown item or person, departed person, future date, locked "
            + "period, missing minutes, a slot the item does not have, a crew of the wrong size, or a reused Idempotency-Key")
    public Response create(@Valid @NotNull NewLog request) {
        return Response.status(201).entity(logs.record(request.input(), WorkLogView::of)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Correct a log", description = "The author corrects their log until its period is locked; a manager of the group (or a director or admin) corrects with a reason. Every correction is kept.")
    @APIResponse(responseCode = "200", description = "Corrected", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Neither author nor manager")
    @APIResponse(responseCode = "422", description = "Locked period, missing reason, or a refusal as for a new log")
    public WorkLogView correct(@PathParam("id") long id,
                               @Parameter(description = ETags.IF_MATCH, required = true)
                               @HeaderParam(IfMatch.HEADER) String ifMatch,
                               @Valid @NotNull Correction request) {
        WorkLogService.LogInput input = new WorkLogService.LogInput(null, null, request.workDate(), request.quantity(),
                request.minutes(), request.slot(), request.crew(), request.note());
        return WorkLogView.of(logs.correct(id, ifMatch, input, request.reason()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read a log", description = "Staff read their own, managers their group's.")
    @APIResponse(responseCode = "200", description = "The log", headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "403", description = "Someone else's")
    public WorkLogView get(@PathParam("id") long id) {
        return WorkLogView.of(logs.read(id));
    }

    @GET
    @Path("{id}/corrections")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "A log's corrections", description = "Every correction, oldest first, with the log before and after.")
    @APIResponse(responseCode = "200", description = "The corrections")
    @APIResponse(responseCode = "403", description = "Someone else's")
    public List<CorrectionView> corrections(@PathParam("id") long id) {
        return logs.corrections(id).stream().map(CorrectionView::of).toList();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List logs", description = "Logs the caller may see between two dates (the current month by default, at most 366 days).")
    @APIResponse(responseCode = "200", description = "The logs")
    @APIResponse(responseCode = "400", description = "A bad range")
    public List<WorkLogView> list(@Parameter(description = "Whose work") @QueryParam("staffId") Long staffId,
                                  @Parameter(description = "Group code") @QueryParam("groupCode") String groupCode,
                                  @Parameter(description = "First day") @QueryParam("from") LocalDate from,
                                  @Parameter(description = "Last day") @QueryParam("to") LocalDate to) {
        LocalDate today = calendar.today();
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= LONGEST_RANGE_DAYS) {
            throw ProblemException.badRequest("to", "must be from 'from' to at most " + LONGEST_RANGE_DAYS + " days later");
        }
        List<WorkLog> found = logs.list(staffId, groupCode, start, end);
        Map<Long, String> itemCodes = QuotaItem.codesOf(found.stream().map(log -> log.itemId).collect(Collectors.toSet()));
        return found.stream().map(log -> WorkLogView.of(log, itemCodes.get(log.itemId))).toList();
    }
}
