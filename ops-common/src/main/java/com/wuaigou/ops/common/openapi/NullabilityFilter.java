package com.wuaigou.ops.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The API's one rule for nulls, stated in the document: every property of an answer is always sent, so the answer
 * schemas require all of their properties; a property that may be null says so in its type ({@code [string, "null"]},
 * OpenAPI 3.1), declared in the code with {@code @Schema(nullable = true)}; in a request, a property the schema does
 * not require may be left out or sent as null, so its type admits null as well. A property naming another schema
 * that may be null becomes {@code anyOf: [{$ref}, {type: "null"}]}, because the named schema itself does not admit
 * null. A nullable property naming a schema the scanner meets there first states its type in the annotation too
 * ({@code type = SchemaType.OBJECT}), or the scanner drops the null.
 */
// When the document is asked for, not at start: see the openapi row of ops-common/README.md.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class NullabilityFilter implements OASFilter {

    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> answers = new HashSet<>();
        Set<String> requests = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                reach(operation.getRequestBody().getContent(), components, requests);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values()
                        .forEach(answer -> reach(answer.getContent(), components, answers));
            }
        }));
        // The body of every error answer, which ProblemResponsesFilter may add after this filter has run.
        reach(OASFactory.createSchema().ref("Problem"), components, answers);
        components.forEach((name, schema) -> {
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                return;
            }
            if (answers.contains(name) && !requests.contains(name)) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            } else if (requests.contains(name) && !answers.contains(name)) {
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                schema.getProperties().forEach((property, definition) -> {
                    if (!required.contains(property)) {
                        admitNull(definition);
                    }
                });
            }
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((property, definition) -> properties.put(property, nullableReference(definition)));
            schema.setProperties(properties);
        });
    }

    /** A schema with neither a type nor a reference admits null already. */
    private static void admitNull(Schema property) {
        if ((property.getType() != null || property.getRef() != null)
                && (property.getType() == null || !property.getType().contains(Schema.SchemaType.NULL))) {
            property.addType(Schema.SchemaType.NULL);
        }
    }

    /**
     * A property naming another schema that may be null, as {@code anyOf: [{$ref}, {type: "null"}]} and its
     * description: from a {@code $ref} beside a type admitting null (the named schema would still refuse the null), and
     * in place of the scanner's own {@code anyOf}, whose sibling type it keeps in step with the named schema's and so
     * may lose the null. A new schema, which the scanner no longer keeps in step.
     */
    private static Schema nullableReference(Schema property) {
        String ref = property.getRef();
        if (ref == null && property.getAnyOf() != null && property.getAnyOf().stream().anyMatch(NullabilityFilter::isNull)) {
            ref = property.getAnyOf().stream().map(Schema::getRef).filter(Objects::nonNull).findFirst().orElse(null);
        } else if (ref != null && (property.getType() == null || !property.getType().contains(Schema.SchemaType.NULL))) {
            ref = null;
        }
        if (ref == null) {
            return property;
        }
        return OASFactory.createSchema().description(property.getDescription())
                .anyOf(List.of(OASFactory.createSchema().ref(ref),
                        OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
    }

    private static boolean isNull(Schema schema) {
        return List.of(Schema.SchemaType.NULL).equals(schema.getType());
    }

    private static void reach(Content content, Map<String, Schema> components, Set<String> reached) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> reach(media.getSchema(), components, reached));
        }
    }

    private static void reach(Schema schema, Map<String, Schema> components, Set<String> reached) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT)) {
            String name = schema.getRef().substring(COMPONENT.length());
            if (reached.add(name)) {
                reach(components.get(name), components, reached);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> reach(property, components, reached));
        }
        reach(schema.getItems(), components, reached);
        reach(schema.getAdditionalPropertiesSchema(), components, reached);
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                .forEach(parts -> parts.forEach(part -> reach(part, components, reached)));
    }
}
