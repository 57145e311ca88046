package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.input.SingleLine;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.quota.domain.CalendarDay;
import com.wuaigou.ops.quota.domain.DayKind;
import com.wuaigou.ops.quota.domain.Window;
import com.wuaigou.ops.quota.domain.WindowKind;
import com.wuaigou.ops.quota.domain.WorkingCalendar;
import com.wuaigou.ops.quota.service.CalendarService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "The working calendar: working weekdays, public holidays and make-up working days")
public class CalendarResource {

    private static final int LONGEST_RANGE_DAYS = 366;

    private final CalendarService calendars;

    CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Schema(name = "CalendarDay", description = "One day and how it counts")
    public record DayView(
            @Schema(description = "The date") LocalDate date,
            @Schema(description = "WORKDAY, REST_DAY, HOLIDAY or MAKEUP_WORKDAY") DayKind kind,
            @Schema(description = "Whether the day is a working day") boolean working,
            @Schema(description = "ISO week-based year") int isoWeekYear,
            @Schema(description = "ISO week number") int isoWeek,
            @Schema(nullable = true, description = "Name of the holiday or make-up day") String name) {
    }

    @Schema(name = "CalendarRange", description = "The days of a range with the calendar's settings")
    public record RangeView(
            @Schema(description = "Time zone of the department", example = "Asia/Shanghai") String zone,
            @Schema(description = "Weekdays that are working days unless a holiday says otherwise") Set<DayOfWeek> workingWeekdays,
            @Schema(description = "First day") LocalDate from,
            @Schema(description = "Last day") LocalDate to,
            @Schema(description = "Working days in the range") int workingDays,
            @Schema(description = "Each day") List<DayView> days) {
    }

    @Schema(name = "CalendarWindow", description = "The day, ISO week or month holding a date")
    public record WindowView(
            @Schema(description = "DAY, WEEK (ISO, Monday to Sunday) or MONTH") WindowKind kind,
            @Schema(description = "First day") LocalDate start,
            @Schema(description = "Last day") LocalDate end,
            @Schema(description = "Working days in it") int workingDays) {
    }

    @Schema(name = "CalendarException", description = "A public holiday or a make-up working day")
    public record ExceptionRequest(
            @Schema(description = "HOLIDAY or MAKEUP_WORKDAY") @NotNull DayKind kind,
            @Schema(description = "Name, for example 国庆节") @SingleLine @Size(max = 200) String name) {
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read the calendar", description = "Every day from 'from' to 'to' (at most 366 days; the current month by default) with how it counts.")
    @APIResponse(responseCode = "200", description = "The days")
    @APIResponse(responseCode = "400", description = "A bad range")
    public RangeView days(@Parameter(description = "First day") @QueryParam("from") LocalDate from,
                          @Parameter(description = "Last day") @QueryParam("to") LocalDate to) {
        Window month = Window.of(WindowKind.MONTH, calendars.today());
        LocalDate start = from == null ? month.start() : from;
        LocalDate end = to == null ? (from == null ? month.end() : start.plusMonths(1).minusDays(1)) : to;
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= LONGEST_RANGE_DAYS) {
            throw ProblemException.badRequest("to", "a range spans at most " + LONGEST_RANGE_DAYS + " days");
        }
        WorkingCalendar calendar = calendars.calendar();
        List<CalendarDay> exceptions = calendars.exceptionsBetween(start, end);
        List<DayView> days = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            LocalDate current = day;
            String name = exceptions.stream().filter(e -> e.day.equals(current)).map(e -> e.name).findFirst().orElse(null);
            days.add(new DayView(day, calendar.kindOf(day), calendar.isWorkingDay(day),
                    day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), name));
        }
        return new RangeView(calendars.zone().getId(), calendars.settings().workingWeekdays(), start, end,
                calendar.workingDays(start, end), days);
    }

    @GET
    @Path("window")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Find a window", description = "The day, ISO week or calendar month that holds a date (today by default), and its working days.")
    @APIResponse(responseCode = "200", description = "The window")
    @APIResponse(responseCode = "400", description = "A bad kind or date")
    public WindowView window(@Parameter(description = "DAY, WEEK or MONTH", required = true) @QueryParam("kind") WindowKind kind,
                             @Parameter(description = "A date in the window") @QueryParam("date") LocalDate date) {
        if (kind == null) {
            throw ProblemException.badRequest("kind", "must be DAY, WEEK or MONTH");
        }
        Window window = Window.of(kind, date == null ? calendars.today() : date);
        return new WindowView(kind, window.start(), window.end(), calendars.calendar().workingDays(window));
    }

    @PUT
    @Path("days/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Mark a holiday or make-up working day", description = "A holiday makes a working weekday free; a make-up working day makes a weekend day a working day.")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "400", description = "A bad kind or date")
    @APIResponse(responseCode = "409", description = "concurrent-modification: a concurrent request marked the same "
            + "day")
    public DayView mark(@PathParam("date") LocalDate date, @Valid @NotNull ExceptionRequest request) {
        CalendarDay day = calendars.setException(date, request.kind(), request.name());
        return new DayView(day.day, day.kind, day.kind == DayKind.MAKEUP_WORKDAY,
                date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), day.name);
    }

    @DELETE
    @Path("days/{date}")
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Remove a holiday or make-up day", description = "The day counts by its weekday again.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void unmark(@PathParam("date") LocalDate date) {
        calendars.removeException(date);
    }
}
