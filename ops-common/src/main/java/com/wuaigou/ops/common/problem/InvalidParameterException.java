package com.wuaigou.ops.common.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header value that cannot be read. A {@link jakarta.ws.rs.WebApplicationException}, because JAX-RS
 * passes only those on from a parameter converter as they are; anything else becomes a bare 404.
 */
public class InvalidParameterException extends BadRequestException {

    private final transient ProblemException problem;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.problem = ProblemException.badRequest(parameter, message);
    }

    public Problem toProblem() {
        return problem.toProblem();
    }
}
