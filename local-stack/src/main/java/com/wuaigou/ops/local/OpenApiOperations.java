package com.wuaigou.ops.local;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations of a service's OpenAPI document, with their parameters and request body schemas resolved. */
final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private final Map<String, Object> schemas;
    private final List<Operation> operations = new ArrayList<>();

    /** One operation: {@code POST /api/v1/work-logs} and what it takes. */
    record Operation(String method, String path, List<Parameter> parameters, String mediaType, Map<String, Object> body) {

        String name() {
            return method.toUpperCase() + " " + path;
        }

        boolean takesJson() {
            return "application/json".equals(mediaType) && body != null;
        }
    }

    /** A path, query or header parameter. */
    record Parameter(String name, String in, Map<String, Object> schema) {
    }

    @SuppressWarnings("unchecked")
    OpenApiOperations(JsonPath document) {
        Map<String, Object> components = document.getMap("components");
        schemas = components == null ? Map.of() : (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (String method : METHODS) {
                if (item.get(method) instanceof Map<?, ?> operation) {
                    operations.add(operation(method, path, (Map<String, Object>) operation));
                }
            }
        });
    }

    List<Operation> all() {
        return operations;
    }

    @SuppressWarnings("unchecked")
    private Operation operation(String method, String path, Map<String, Object> operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (Object value : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = resolve((Map<String, Object>) value);
            parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                    resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of()))));
        }
        String mediaType = null;
        Map<String, Object> body = null;
        if (operation.get("requestBody") instanceof Map<?, ?> requestBody
                && requestBody.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
            Map.Entry<?, ?> first = content.containsKey("application/json")
                    ? Map.entry("application/json", content.get("application/json"))
                    : content.entrySet().iterator().next();
            mediaType = (String) first.getKey();
            if (first.getValue() instanceof Map<?, ?> media && media.get("schema") instanceof Map<?, ?> schema) {
                body = resolve((Map<String, Object>) schema);
            }
        }
        return new Operation(method, path, parameters, mediaType, body);
    }

    /**
     * A schema with its {@code $ref} and {@code allOf} followed, and of {@code anyOf: [schema, {type: null}]} (a
     * nullable reference) the schema, the referring schema's own keywords (a description, a bound) kept on top.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        if (schema.get("$ref") instanceof String ref) {
            resolved.putAll(resolve((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1))));
        }
        if (schema.get("allOf") instanceof List<?> parts) {
            parts.forEach(part -> resolved.putAll(resolve((Map<String, Object>) part)));
        }
        if (schema.get("anyOf") instanceof List<?> alternatives) {
            alternatives.stream().map(alternative -> (Map<String, Object>) alternative)
                    .filter(alternative -> !"null".equals(alternative.get("type")))
                    .forEach(alternative -> resolved.putAll(resolve(alternative)));
        }
        schema.forEach((key, value) -> {
            if (!key.equals("$ref") && !key.equals("allOf") && !key.equals("anyOf")) {
                resolved.put(key, value);
            }
        });
        return resolved;
    }

    /** The schema's type, the first that is not {@code null} where OpenAPI 3.1 lists several. */
    static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        if (type == null && schema.containsKey("properties")) {
            return "object";
        }
        return type == null ? "" : type.toString();
    }
}
