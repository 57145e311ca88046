package com.wuaigou.ops.common.roster;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@IfBuildProperty(name = RosterConfig.REPLICA_ENABLED, stringValue = "true")
@Path("/api/v1/roster")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster copy", description = "This service's copy of the roster, kept from personnel-service's events")
public class RosterResource {

    private final RosterService roster;

    RosterResource(RosterService roster) {
        this.roster = roster;
    }

    @Schema(name = "RosterStaff", description = "A staff member as this service knows them")
    public record StaffView(
            @Schema(description = "Staff id") long id,
            @Schema(description = "Name") String name,
            @Schema(nullable = true, description = "Current group") String groupCode,
            @Schema(nullable = true, description = "MEMBER or MANAGER") String groupRole,
            @Schema(description = "ACTIVE, ON_LEAVE or LEFT") StaffStatus status,
            @Schema(description = "Version of the last applied event") long version,
            @Schema(description = "Placement history") List<PlacementView> placements) {
    }

    @Schema(name = "RosterPlacement", description = "A stretch of a placement history")
    public record PlacementView(
            @Schema(description = "Group code") String groupCode,
            @Schema(nullable = true, description = "Post code") String postCode,
            @Schema(nullable = true, description = "MEMBER or MANAGER") String groupRole,
            @Schema(description = "First day") LocalDate from,
            @Schema(nullable = true, description = "Last day, inclusive; null for the current one") LocalDate to) {
    }

    @GET
    @Path("staff/{id}")
    @RolesAllowed({Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read a staff member's copy", description = "What this service knows of a person from the roster events: to see whether an event has arrived.")
    @APIResponse(responseCode = "200", description = "The copy")
    public StaffView staff(@PathParam("id") long id) {
        RosterStaff staff = roster.staff(id).orElseThrow(() -> ProblemException.notFound("staff member", id));
        return new StaffView(staff.id, staff.name, staff.groupCode, staff.groupRole, staff.status, staff.version,
                staff.placements.stream().map(p -> new PlacementView(p.groupCode, p.postCode, p.groupRole, p.fromDate, p.toDate)).toList());
    }
}
