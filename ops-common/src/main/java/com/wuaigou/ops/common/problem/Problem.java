package com.wuaigou.ops.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer; every member is always sent. */
@Schema(name = "Problem", description = "RFC 9457 problem detail: the body of every error answer (application/problem+json).")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem", example = "https://ops.wuaigou.com/problems/validation")
        String type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", example = "400")
        int status,
        @Schema(description = "What went wrong in this case, for a human", example = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path", example = "/api/v1/staff")
        String instance,
        @Schema(description = "Each failing field or missing item, for validation errors and refused transitions; empty "
                + "for other problems")
        List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://ops.wuaigou.com/problems/";

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    /** One failing field (or missing item) and why. */
    @Schema(name = "FieldError", description = "One failing field, or one missing item, and why")
    public record FieldError(
            @Schema(description = "Field path as sent, for example contact.email", example = "employeeNumber") String field,
            @Schema(description = "Why it fails", example = "must not be blank") String message) {
    }
}
