package com.wuaigou.ops.common.idempotency;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declares the {@code Idempotency-Key} header on every operation of an {@link Idempotent} method, once, and the
 * {@code Idempotent-Replayed} header on its successful answers. The operation is found by its method and path, as the
 * resource's {@code @Path} annotations give them ({@code POST /api/v1/staff}). It runs before the filters of default
 * priority, so that those which answer for operations declaring the header see it.
 */
// When the document is asked for, not at start: see the openapi row of ops-common/README.md.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST, priority = IdempotencyKeyParameter.AHEAD_OF_DEFAULT_FILTERS)
public class IdempotencyKeyParameter implements OASFilter {

    /** Higher runs first; the default is 1. */
    static final int AHEAD_OF_DEFAULT_FILTERS = 100;

    static final String DESCRIPTION = "Makes retries safe: a retry with the same key and request (path, query, body)"
            + " gets the first answer again, with Idempotent-Replayed: true, and creates nothing; the same key with"
            + " another request is 422. The caller's own, at most " + Idempotent.MAX_LENGTH + " characters, never blank;"
            + " honoured for 7 days by default.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Set<String> idempotent = idempotentOperations();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (!idempotent.contains(method + " " + path) || declares(operation.getParameters())) {
                return;
            }
            operation.addParameter(OASFactory.createParameter().name(Idempotent.HEADER).in(Parameter.In.HEADER)
                    .description(DESCRIPTION)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .minLength(1).maxLength(Idempotent.MAX_LENGTH)));
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeader(Idempotent.REPLAYED, replayedHeader());
                    }
                });
            }
        }));
    }

    private static Header replayedHeader() {
        return OASFactory.createHeader()
                .description("With an Idempotency-Key: true on a replay of the first answer, false on the first")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN));
    }

    private static boolean declares(List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(p -> Idempotent.HEADER.equalsIgnoreCase(p.getName()));
    }

    /** Every idempotent method of every resource class, as {@code POST /api/v1/staff}. */
    private static Set<String> idempotentOperations() {
        Set<String> operations = new HashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Idempotent.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    operations.add(httpMethod(method) + " " + join(root.value(), sub == null ? "" : sub.value()));
                }
            }
        }
        return operations;
    }

    private static PathItem.HttpMethod httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return PathItem.HttpMethod.valueOf(designator.value());
            }
        }
        throw new IllegalStateException("@Idempotent " + method + " answers no HTTP method");
    }

    private static String join(String root, String sub) {
        return "/" + trimSlashes(root) + (trimSlashes(sub).isEmpty() ? "" : "/" + trimSlashes(sub));
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
