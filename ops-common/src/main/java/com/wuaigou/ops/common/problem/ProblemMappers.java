package com.wuaigou.ops.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Maps every failure to an RFC 9457 problem answer; nothing else (no stack trace, no SQL) reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ResteasyReactiveViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            return unexpected(e, uri);
        }
        return respond(validationProblem(e.getConstraintViolations()), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        return respond(validationProblem(e.getConstraintViolations()), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongJsonType(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = "cannot be read: " + e.getOriginalMessage().split("\n")[0];
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field.isEmpty() ? "The request body " + message : field + " " + message;
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, null, errors), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON: " + e.getOriginalMessage(), null, List.of()), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized("A valid bearer token is required", uri);
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("The bearer token is missing, expired or not valid", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this operation", null, List.of()), uri);
    }

    @ServerExceptionMapper
    public Response concurrentEdit(OptimisticLockException e, UriInfo uri) {
        return concurrentModification(uri);
    }

    @ServerExceptionMapper
    public Response concurrentEdit(StaleStateException e, UriInfo uri) {
        return concurrentModification(uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType statusType = e.getResponse().getStatusInfo();
        String slug = statusType.getReasonPhrase().toLowerCase().replace(' ', '-');
        String detail = switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "This address does not accept that method";
            case 415 -> "The request body must be application/json";
            case 406 -> "This address answers only in application/json";
            default -> statusType.getReasonPhrase();
        };
        return respond(new Problem(Problem.TYPE_BASE + slug, statusType.getReasonPhrase(), status, detail, null,
                List.of()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "The request could not be completed; it has been logged", null, List.of()), uri);
    }

    private Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                detail, null, List.of()), uri)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response concurrentModification(UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "concurrent-modification", "Conflict", 409,
                "Someone else changed this resource at the same time; read it again and retry", null, List.of()), uri);
    }

    static Problem validationProblem(java.util.Set<? extends ConstraintViolation<?>> violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + errors.stream().map(Problem.FieldError::field)
                .distinct().collect(Collectors.joining(", "));
        return new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, null, errors);
    }

    /** The path as the client knows it: without the Java method and parameter names of a resource method. */
    private static String fieldName(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && !parts.isEmpty()) {
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                parts.add(name);
            }
        }
        // A parameter's own name is kept only when it is the whole path (a query or path parameter).
        if (parts.size() > 1) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()))
                .build();
    }
}
