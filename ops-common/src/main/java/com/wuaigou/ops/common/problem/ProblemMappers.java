package com.wuaigou.ops.common.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.wuaigou.ops.common.input.WireNames;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Maps every failure to an RFC 9457 problem answer; nothing else (no stack trace, no SQL) reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final DatabaseConflicts conflicts;

    ProblemMappers(DatabaseConflicts conflicts) {
        this.conflicts = conflicts;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ResteasyReactiveViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            return failure(e, uri, null);
        }
        return respond(validationProblem(e.getConstraintViolations()), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        return respond(validationProblem(e.getConstraintViolations()), uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongJsonType(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    /**
     * Every failure to read a JSON body, whether it arrives as it is or wrapped by the JSON reader: malformed JSON, a
     * value of the wrong type (named by its path in the body, described in the API's words), or what the parser
     * refuses outright (a number with a thousand digits, nesting a thousand deep).
     */
    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidDefinitionException) {
            return failure(e, uri, null);
        }
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return respond(ProblemException.badRequest(field.isEmpty() ? "body" : field, JsonProblems.message(mapping))
                    .toProblem(), uri);
        }
        String detail = "The request body holds a number, a text or a nesting larger than accepted";
        if (e instanceof JsonParseException) {
            JsonLocation at = e.getLocation();
            detail = "The request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        return respond(new Problem(Problem.TYPE_BASE + "malformed-json", "Malformed JSON", 400, detail, null, List.of()),
                uri);
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

    /** A conflict the database detected in a statement or at a flush inside the request. */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri, HttpHeaders headers) {
        return failure(e, uri, headers.getHeaderString(HttpHeaders.IF_MATCH));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return failure(e, uri, null);
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

    /** Anything else: a conflict the database detected at commit (wrapped by the transaction), or a 500. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        return failure(e, uri, headers.getHeaderString(HttpHeaders.IF_MATCH));
    }

    private Response failure(Throwable e, UriInfo uri, String ifMatch) {
        Optional<Problem> conflict = conflicts.problemFor(e, ifMatch);
        if (conflict.isPresent()) {
            return respond(conflict.get(), uri);
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "The request could not be completed; it has been logged", null, List.of()), uri);
    }

    private Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                detail, null, List.of()), uri)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Problem validationProblem(java.util.Set<? extends ConstraintViolation<?>> violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.add(new Problem.FieldError(fieldName(violation), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + errors.stream().map(Problem.FieldError::field)
                .distinct().collect(Collectors.joining(", "));
        return new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, null, errors);
    }

    /**
     * The path as the client knows it: a query, path or header parameter by its name on the wire, a body's field by
     * its path in the body, never a Java method or parameter name.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                WireNames.parameter(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class))
                        .ifPresent(parts::add);
                continue;
            }
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                parts.add(node.getName());
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
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
