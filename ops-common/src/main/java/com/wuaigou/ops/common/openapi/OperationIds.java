package com.wuaigou.ops.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names every operation for generated clients and states where the API is served. The scanner names an operation
 * {@code StaffResource_list} (strategy {@code class-method}, set by each service); this turns it into {@code listStaff}:
 * the Java method, then the resource's name without "Resource". Stable as long as the code's names are, and unique
 * because no resource has two methods of one name.
 */
// When the document is asked for, not at start: see the openapi row of ops-common/README.md.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class OperationIds implements OASFilter {

    private static final Pattern CLASS_METHOD = Pattern.compile("([A-Za-z0-9]+?)(?:Resource)?_([A-Za-z0-9]+)");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getOperationId() != null) {
            Matcher name = CLASS_METHOD.matcher(operation.getOperationId());
            if (name.matches()) {
                operation.setOperationId(name.group(2) + name.group(1));
            }
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/")
                    .description("The service that served this document (each service publishes its own)"));
        }
    }
}
