package com.wuaigou.ops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Judges an answer by a service's OpenAPI 3.1 document: the operation is found by method and path template, the
 * answer's status must be one the operation declares, and its JSON body (application/json or
 * application/problem+json) must match the schema the document gives that status and media type. The schemas are read
 * as JSON Schema 2020-12, which OpenAPI 3.1 schemas are, by networknt's validator with the formats asserted, their
 * {@code $ref}s resolved inside the document.
 */
public final class OpenApiAnswers {

    private static final String DOCUMENT = "https://ops.wuaigou.com/openapi/answers.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** One path of the document with the expression its concrete paths match. */
    private record Template(String path, Pattern pattern, int literals) {
    }

    public OpenApiAnswers(String documentJson) {
        try {
            this.document = JSON.readTree(documentJson);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document does not parse", e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(Map.of(DOCUMENT, documentJson))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Iterator<String> paths = document.path("paths").fieldNames();
        while (paths.hasNext()) {
            String path = paths.next();
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String part : path.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(part));
                    literals += part.length();
                }
            }
            templates.add(new Template(path, Pattern.compile(regex.toString()), literals));
        }
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    /**
     * What is wrong with an answer, empty when nothing is; also empty for an address or method the document does not
     * describe (an unknown address, {@code /q/...}), which is no operation of the API.
     *
     * @param contentType the answer's Content-Type, or null when it has none
     * @param body        the answer's body, empty when it has none
     */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        Optional<Template> template = templates.stream()
                .filter(t -> t.pattern().matcher(path).matches()
                        && document.path("paths").path(t.path()).path(method.toLowerCase()).isObject())
                .findFirst();
        if (template.isEmpty()) {
            return List.of();
        }
        JsonNode operation = document.path("paths").path(template.get().path()).path(method.toLowerCase());
        JsonNode responses = operation.path("responses");
        String code = Integer.toString(status);
        String declared = responses.has(code) ? code : responses.has("default") ? "default" : null;
        if (declared == null) {
            return List.of("status " + status + " is not declared; the operation declares " + names(responses));
        }
        JsonNode content = responses.path(declared).path("content");
        String media = contentType == null ? null : contentType.split(";")[0].trim().toLowerCase();
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of("status " + status + " declares no body, but the answer has one (" + media + ")");
        }
        if (media == null || !content.has(media)) {
            return List.of("the body's media type " + media + " is not declared for " + status + "; declared: "
                    + names(content));
        }
        if (!media.endsWith("json") || !content.path(media).has("schema")) {
            return List.of();
        }
        String pointer = "/paths/" + escape(template.get().path()) + "/" + method.toLowerCase() + "/responses/"
                + escape(declared) + "/content/" + escape(media) + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + p)));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(body, InputFormat.JSON)) {
            String location = String.valueOf(error.getInstanceLocation());
            problems.add((location.isEmpty() ? "/" : location) + ": " + error.getMessage());
        }
        return problems;
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
