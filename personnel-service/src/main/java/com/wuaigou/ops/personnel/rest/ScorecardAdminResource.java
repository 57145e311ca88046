package com.wuaigou.ops.personnel.rest;

import com.wuaigou.ops.common.events.TopicReplay;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.personnel.service.ScorecardRebuild;
import com.wuaigou.ops.personnel.service.Scorecards;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/scorecard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecard", description = "Monthly scorecards built from quota's locked periods and project's closed"
        + " projects, and their rebuild")
public class ScorecardAdminResource {

    private final ScorecardRebuild rebuild;

    ScorecardAdminResource(ScorecardRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the scorecard from its topics", description = "Clears the scorecard's tables and its"
            + " de-duplication ledger, then reads ops.quota.periods and ops.project.projects from the beginning up to"
            + " their end at the start of the call and applies each event as the live consumer does, in one"
            + " transaction (live events wait for it). The cards afterwards equal those before. Admin only.")
    @APIResponse(responseCode = "200", description = "How many records were read and events applied")
    public Scorecards.RebuildAnswer rebuild() {
        TopicReplay.Outcome outcome = rebuild.rebuild();
        return new Scorecards.RebuildAnswer(outcome.read(), outcome.applied(), outcome.skipped());
    }
}
