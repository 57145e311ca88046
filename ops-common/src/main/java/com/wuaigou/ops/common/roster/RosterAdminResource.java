package com.wuaigou.ops.common.roster;

import com.wuaigou.ops.common.events.TopicReplay;
import com.wuaigou.ops.common.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@IfBuildProperty(name = RosterConfig.REPLICA_ENABLED, stringValue = "true")
@Path("/api/v1/admin/roster")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster copy", description = "This service's copy of the roster, kept from personnel-service's events")
public class RosterAdminResource {

    private final RosterRebuild rebuild;

    RosterAdminResource(RosterRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Schema(name = "RosterRebuild", description = "What a rebuild of the roster copy read and applied")
    public record RebuildAnswer(
            @Schema(description = "Records read from both roster topics up to their end at the start of the call") long read,
            @Schema(description = "Staff and group snapshots applied") long applied,
            @Schema(description = "Records that were not readable events, left out") long skipped) {
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the roster copy from its topics", description = "Clears the roster copy and its"
            + " de-duplication ledger, then reads ops.personnel.groups and ops.personnel.staff (compacted: the newest"
            + " snapshot of each group and person at least) from the beginning up to their end at the start of the call"
            + " and applies each event as the live consumer does, in one transaction (live events wait for it). Admin"
            + " only.")
    @APIResponse(responseCode = "200", description = "How many records were read and snapshots applied")
    public RebuildAnswer rebuild() {
        TopicReplay.Outcome outcome = rebuild.rebuild();
        return new RebuildAnswer(outcome.read(), outcome.applied(), outcome.skipped());
    }
}
