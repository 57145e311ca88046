package com.wuaigou.ops.personnel.rest;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.personnel.service.RosterRules;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Locale;

/**
 * The database's constraints back the rules the services check first; when two requests race past the check, the
 * loser gets the same rule's 409 instead of a 500.
 */
public class ConstraintConflictMapper {

    @ServerExceptionMapper
    public Response conflict(ConstraintViolationException e, UriInfo uri) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName().toLowerCase(Locale.ROOT);
        String rule;
        String detail;
        if (constraint.contains("staff_employee_number_unique")) {
            rule = RosterRules.UNIQUE_EMPLOYEE_NUMBER;
            detail = "The employee number was taken by a concurrent change";
        } else if (constraint.contains("placement_one_open")) {
            rule = RosterRules.ONE_GROUP_AT_A_TIME;
            detail = "A concurrent change placed the person at the same time";
        } else {
            rule = "concurrent-modification";
            detail = "A concurrent change conflicts with this one; read again and retry";
        }
        Problem problem = new Problem(Problem.TYPE_BASE + rule, "Conflict", 409, detail, uri.getPath(), List.of());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
