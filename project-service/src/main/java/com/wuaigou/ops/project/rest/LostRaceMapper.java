package com.wuaigou.ops.project.rest;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.project.service.ProjectChanges;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The loser of a race between two changes of one project: both passed the version check, the other committed first. A
 * change that named a version in {@code If-Match} gets 412, as it would have had it arrived a moment later; one without
 * gets 409.
 */
public class LostRaceMapper {

    /** Ahead of ops-common's mapping of the same exception, which knows nothing of {@code If-Match}. */
    private static final int AHEAD_OF_OPS_COMMON = Priorities.USER - 1;

    @ServerExceptionMapper(priority = AHEAD_OF_OPS_COMMON)
    public Response lostRace(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        ProblemException problem = ProjectChanges.namesVersion(headers.getHeaderString(HttpHeaders.IF_MATCH))
                ? ProblemException.preconditionFailed("The project changed while this request was applied, so it is "
                + "no longer at the version If-Match names; read it again and retry")
                : ProblemException.conflict("concurrent-modification", "Someone else changed this project at the same "
                + "time; read it again and retry");
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem().withInstance(uri.getPath())).build();
    }
}
