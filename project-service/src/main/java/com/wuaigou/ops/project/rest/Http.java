package com.wuaigou.ops.project.rest;

import com.wuaigou.ops.common.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;

/** Answers that carry the project's version as their strong {@code ETag}. */
final class Http {

    private Http() {
    }

    static Response ok(Object body, long projectVersion) {
        return Response.ok(body).tag(tag(projectVersion)).build();
    }

    static Response created(URI location, Object body, long projectVersion) {
        return Response.created(location).entity(body).tag(tag(projectVersion)).build();
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

    private static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
