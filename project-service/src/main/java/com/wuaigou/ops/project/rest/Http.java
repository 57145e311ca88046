package com.wuaigou.ops.project.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.problem.ProblemException;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;

/** Answers that carry the project's version as their strong {@code ETag}. */
final class Http {

    static final String ETAG = "The project's version as a strong entity tag, for example \"3\"; send it back in"
            + " If-Match to change the project";

    private Http() {
    }

    static Response ok(Object body, long projectVersion) {
        return Response.ok(body).tag(ETags.of(projectVersion)).build();
    }

    static Response created(URI location, Object body, long projectVersion) {
        return Response.created(location).entity(body).tag(ETags.of(projectVersion)).build();
    }

    /** A query parameter naming an enum constant; an unknown name is a 400 naming the parameter, not a 404. */
    static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
