package com.wuaigou.ops.common.openapi;

import com.wuaigou.ops.common.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The standard error answers of every operation, in one place, so that a resource method declares only its success
 * answer and the error answers peculiar to it. Each rule adds its status with a generic description where the
 * operation does not declare it; an operation's own description of a status wins. Every 4xx answer has the
 * {@code Problem} body.
 *
 * <table>
 * <tr><th>status</th><th>on</th></tr>
 * <tr><td>400</td><td>operations reading a parameter or a body (the input policy)</td></tr>
 * <tr><td>401, 403</td><td>secured operations</td></tr>
 * <tr><td>404</td><td>paths with a path parameter</td></tr>
 * <tr><td>409</td><td>writes (POST, PUT, PATCH, DELETE)</td></tr>
 * <tr><td>412</td><td>operations declaring an {@code If-Match} header; 428 too where it is required</td></tr>
 * <tr><td>422</td><td>writes with a body or on a resource named in the path, whose rules they can break, and
 * operations declaring an {@code Idempotency-Key} header (a key reused for another request)</td></tr>
 * </table>
 */
// When the document is asked for, not at start: see the openapi row of ops-common/README.md.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class ProblemResponsesFilter implements OASFilter {

    static final Map<String, String> STANDARD = Map.of(
            "400", "A parameter or field is malformed, of the wrong type or out of bounds; errors name it",
            "401", "No valid bearer token",
            "403", "The caller's roles, or their relation to what is addressed, do not allow it",
            "404", "What the path names does not exist",
            "409", "Conflicts with the current state: a stale version, a duplicate, a state that no longer allows it, "
                    + "or a concurrent change that won the race; type and detail name it",
            "412", "If-Match names another version than the current one: someone changed it since it was read",
            "422", "A rule refuses the request (or an Idempotency-Key was reused for another request); errors list "
                    + "every wrong or missing item",
            "428", "If-Match is required: send the ETag last read");

    /**
     * What the extensions write into the answers they add (security's 401 and 403, validation's 400): no more than the
     * status says.
     */
    private static final Set<String> PLACEHOLDERS = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    private static final Set<PathItem.HttpMethod> READS = Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.OPTIONS, PathItem.HttpMethod.TRACE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        openAPI.getPaths().getPathItems().forEach((address, path) -> path.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() == null) {
                return;
            }
            Map<String, APIResponse> answers = new TreeMap<>();
            if (operation.getResponses().getAPIResponses() != null) {
                answers.putAll(operation.getResponses().getAPIResponses());
            }
            List<Parameter> parameters = parameters(path, operation);
            boolean write = !READS.contains(method);
            boolean addressesOne = address.contains("{");
            Parameter ifMatch = header(parameters, "If-Match");
            if (!parameters.isEmpty() || operation.getRequestBody() != null) {
                standard(answers, "400");
            }
            if (operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault) {
                standard(answers, "401");
                standard(answers, "403");
            }
            if (addressesOne) {
                standard(answers, "404");
            }
            if (write) {
                standard(answers, "409");
            }
            if (ifMatch != null) {
                standard(answers, "412");
                if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                    standard(answers, "428");
                }
            }
            if ((write && (operation.getRequestBody() != null || addressesOne))
                    || header(parameters, "Idempotency-Key") != null) {
                standard(answers, "422");
            }
            answers.forEach((status, answer) -> {
                if (status.startsWith("4") && hasNoBody(answer)) {
                    answer.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
                }
            });
            operation.getResponses().setAPIResponses(answers);
        }));
    }

    private static void standard(Map<String, APIResponse> answers, String status) {
        APIResponse answer = answers.get(status);
        if (answer == null) {
            answers.put(status, OASFactory.createAPIResponse().description(STANDARD.get(status)));
        } else if (answer.getDescription() == null || PLACEHOLDERS.contains(answer.getDescription())) {
            answer.setDescription(STANDARD.get(status));
        }
    }

    private static List<Parameter> parameters(PathItem path, Operation operation) {
        List<Parameter> all = new ArrayList<>();
        if (path.getParameters() != null) {
            all.addAll(path.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    private static Parameter header(List<Parameter> parameters, String name) {
        return parameters.stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);
    }

    private static boolean hasNoBody(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }
}
