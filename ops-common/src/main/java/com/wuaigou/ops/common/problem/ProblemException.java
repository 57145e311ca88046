package com.wuaigou.ops.common.problem;

import java.util.List;

/**
 * A refusal that becomes a problem answer. Services throw it through the factories below; the slug becomes the stable
 * problem {@code type}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 404: no {@code what} with this id. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "No " + what + " with id " + id, List.of());
    }

    /** 400: the request itself is malformed or fails validation. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 409: the request conflicts with the current state (a duplicate, an overlap, a stale version). */
    public static ProblemException conflict(String rule, String detail) {
        return new ProblemException(409, rule, "Conflict", detail, List.of());
    }

    /** 422: a business rule refuses the change; {@code errors} lists what is missing or wrong. */
    public static ProblemException ruleViolation(String rule, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, rule, "Rule violated", detail, errors);
    }

    public static ProblemException ruleViolation(String rule, String detail) {
        return ruleViolation(rule, detail, List.of());
    }

    /** 403: signed in, but this caller may not do this to this resource. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), null, errors);
    }

    public int status() {
        return status;
    }
}
