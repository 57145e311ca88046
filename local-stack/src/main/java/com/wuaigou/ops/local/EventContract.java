package com.wuaigou.ops.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The event contract in the repository's {@code docs/}: a JSON Schema (draft 2020-12) per event type in
 * {@code events/schemas/<type>.schema.json}, one for the CloudEvents envelope ({@code cloudevent.schema.json}), and
 * the AsyncAPI 3 document {@code asyncapi.yaml} that lists topics and messages. Tests hand it the records they read
 * from Kafka, so an emitted event that drifts from its schema fails the build.
 */
public final class EventContract {

    public static final String ENVELOPE_SCHEMA = "cloudevent.schema.json";
    private static final String SCHEMA_SUFFIX = ".schema.json";
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static EventContract repository;

    private final Path docs;
    private final Path schemaDirectory;
    private final Schema envelope;
    private final Map<String, Schema> dataSchemas = new TreeMap<>();
    private final List<String> schemaProblems = new ArrayList<>();

    private EventContract(Path docs) {
        this.docs = docs;
        this.schemaDirectory = docs.resolve("events").resolve("schemas");
        // Formats (date, date-time, uuid) are only annotations in 2020-12 unless asserted; the contract means them.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Schema metaSchema = registry.getSchema(SchemaLocation.of(META_SCHEMA));
        Schema envelopeSchema = null;
        for (Path file : schemaFiles()) {
            String name = file.getFileName().toString();
            String content = read(file);
            metaSchema.validate(content, InputFormat.JSON).forEach(e -> schemaProblems.add(name + ": " + describe(e)));
            closedObjects(name, parse(JSON, content, name), "", schemaProblems);
            Schema schema = registry.getSchema(SchemaLocation.of(file.toUri().toString()), content, InputFormat.JSON);
            if (name.equals(ENVELOPE_SCHEMA)) {
                envelopeSchema = schema;
            } else {
                dataSchemas.put(name.substring(0, name.length() - SCHEMA_SUFFIX.length()), schema);
            }
        }
        if (envelopeSchema == null) {
            throw new IllegalStateException("No " + ENVELOPE_SCHEMA + " in " + schemaDirectory);
        }
        this.envelope = envelopeSchema;
    }

    /** The contract of the repository this test runs in, loaded once per JVM. */
    public static synchronized EventContract repository() {
        if (repository == null) {
            repository = of(repositoryRoot().resolve("docs"));
        }
        return repository;
    }

    /** The contract in a {@code docs} folder holding {@code asyncapi.yaml} and {@code events/schemas/}. */
    public static EventContract of(Path docs) {
        return new EventContract(docs);
    }

    /** The nearest folder above the working directory that holds {@code mvnw} and {@code docs/}. */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No folder with mvnw and docs/ above " + start);
    }

    /** Event types with a data schema. */
    public Set<String> types() {
        return Set.copyOf(dataSchemas.keySet());
    }

    /**
     * What is wrong with an envelope as it appears on the wire: against {@code cloudevent.schema.json}, and its
     * {@code data} against the schema of its {@code type}; an unknown type is a violation. Empty when it is valid.
     */
    public List<String> violations(String envelopeJson) {
        JsonNode event;
        try {
            event = JSON.readTree(envelopeJson);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        envelope.validate(envelopeJson, InputFormat.JSON).forEach(e -> problems.add("envelope: " + describe(e)));
        String type = event.path("type").asText("");
        Schema data = dataSchemas.get(type);
        if (data == null) {
            problems.add("type: no schema for event type '" + type + "' in " + schemaDirectory);
        } else if (event.has("data")) {
            data.validate(event.get("data").toString(), InputFormat.JSON)
                    .forEach(e -> problems.add("data of " + type + ": " + describe(e)));
        }
        return problems;
    }

    /** Fails with every violation when the envelope does not match the contract. */
    public void assertValid(String envelopeJson) {
        List<String> problems = violations(envelopeJson);
        if (!problems.isEmpty()) {
            throw new AssertionError("Event does not match the contract in " + docs + ":\n  "
                    + String.join("\n  ", problems) + "\nEvent: " + envelopeJson);
        }
    }

    /**
     * What is wrong with the schemas themselves: each must be a valid draft 2020-12 schema, and every object it
     * describes must forbid additional properties (so a renamed or added field is drift, not silently accepted).
     */
    public List<String> schemaProblems() {
        return List.copyOf(schemaProblems);
    }

    /**
     * What is wrong with {@code asyncapi.yaml}: it must parse as YAML, declare AsyncAPI 3.0.0, resolve every local
     * {@code $ref}, give every message an event type as name, {@code application/cloudevents+json} as content type
     * and a payload that refers to the envelope schema and its type's schema; every schema file must be referred to,
     * every channel have an address and every message a channel and a send operation.
     */
    public List<String> asyncApiProblems() {
        Path file = docs.resolve("asyncapi.yaml");
        JsonNode document;
        try {
            document = YAML.readTree(read(file));
        } catch (JsonProcessingException e) {
            return List.of("asyncapi.yaml does not parse as YAML: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        if (!"3.0.0".equals(document.path("asyncapi").asText())) {
            problems.add("asyncapi: expected 3.0.0, found '" + document.path("asyncapi").asText() + "'");
        }
        List<String> internalRefs = new ArrayList<>();
        collectRefs(document, internalRefs, true);
        internalRefs.stream().filter(ref -> document.at(ref.substring(1)).isMissingNode())
                .forEach(ref -> problems.add("$ref " + ref + " points at nothing"));

        Set<String> referencedFiles = new TreeSet<>();
        Set<String> messagesWithChannel = new TreeSet<>();
        Set<String> messagesSent = new TreeSet<>();
        document.path("channels").properties().forEach(channel -> {
            if (channel.getValue().path("address").asText("").isBlank()) {
                problems.add("channel " + channel.getKey() + " has no address");
            }
            channel.getValue().path("messages").forEach(m -> messagesWithChannel.add(m.path("$ref").asText()));
        });
        document.path("operations").properties().forEach(operation -> {
            if ("send".equals(operation.getValue().path("action").asText())) {
                operation.getValue().path("messages").forEach(m -> messagesSent.add(
                        document.at(m.path("$ref").asText().substring(1)).path("$ref").asText()));
            }
        });
        Set<String> typesWithMessage = new TreeSet<>();
        JsonNode messages = document.path("components").path("messages");
        if (messages.isEmpty()) {
            problems.add("components.messages is empty");
        }
        messages.properties().forEach(entry -> {
            String key = "message " + entry.getKey();
            JsonNode message = entry.getValue();
            String type = message.path("name").asText();
            typesWithMessage.add(type);
            if (!dataSchemas.containsKey(type)) {
                problems.add(key + ": name '" + type + "' is not an event type with a schema");
            }
            if (!"application/cloudevents+json".equals(message.path("contentType").asText())) {
                problems.add(key + ": contentType must be application/cloudevents+json");
            }
            List<String> fileRefs = new ArrayList<>();
            collectRefs(message.path("payload"), fileRefs, false);
            Set<String> payloadFiles = new TreeSet<>();
            for (String ref : fileRefs) {
                Path target = file.getParent().resolve(ref).normalize();
                if (!Files.isRegularFile(target)) {
                    problems.add(key + ": payload $ref " + ref + " is not a file");
                } else if (!target.getParent().equals(schemaDirectory.normalize())) {
                    problems.add(key + ": payload $ref " + ref + " is outside " + schemaDirectory);
                } else {
                    payloadFiles.add(target.getFileName().toString());
                }
            }
            referencedFiles.addAll(payloadFiles);
            for (String expected : List.of(ENVELOPE_SCHEMA, type + SCHEMA_SUFFIX)) {
                if (!payloadFiles.contains(expected)) {
                    problems.add(key + ": payload does not refer to " + expected);
                }
            }
            String pointer = "#/components/messages/" + entry.getKey();
            if (!messagesWithChannel.contains(pointer)) {
                problems.add(key + ": on no channel");
            }
            if (!messagesSent.contains(pointer)) {
                problems.add(key + ": no send operation");
            }
        });
        schemaFiles().stream().map(p -> p.getFileName().toString()).filter(name -> !referencedFiles.contains(name))
                .forEach(name -> problems.add("schema " + name + " is referred to by no message"));
        dataSchemas.keySet().stream().filter(type -> !typesWithMessage.contains(type))
                .forEach(type -> problems.add("event type " + type + " has no message"));
        return problems;
    }

    /**
     * Every channel's topic with the partitions and topic configuration of its Kafka binding, by topic name; a list
     * value such as {@code cleanup.policy: [compact]} joined with commas, as the broker reports it.
     */
    public Map<String, TopicLayout> topics() {
        JsonNode document = parse(YAML, read(docs.resolve("asyncapi.yaml")), "asyncapi.yaml");
        Map<String, TopicLayout> topics = new TreeMap<>();
        for (JsonNode channel : document.path("channels")) {
            JsonNode kafka = channel.path("bindings").path("kafka");
            Map<String, String> configuration = new TreeMap<>();
            for (Map.Entry<String, JsonNode> setting : kafka.path("topicConfiguration").properties()) {
                List<String> values = new ArrayList<>();
                (setting.getValue().isArray() ? setting.getValue() : List.of(setting.getValue()))
                        .forEach(value -> values.add(value.asText()));
                configuration.put(setting.getKey(), String.join(",", values));
            }
            topics.put(channel.path("address").asText(), new TopicLayout(kafka.path("partitions").asInt(), configuration));
        }
        return topics;
    }

    /** Fails with every problem of the AsyncAPI document and of the schemas. */
    public void assertAsyncApiValid() {
        List<String> problems = new ArrayList<>(schemaProblems);
        problems.addAll(asyncApiProblems());
        if (!problems.isEmpty()) {
            throw new AssertionError("The event contract in " + docs + " is inconsistent:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private List<Path> schemaFiles() {
        try (Stream<Path> files = Files.list(schemaDirectory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SCHEMA_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the event schemas in " + schemaDirectory, e);
        }
    }

    private static void closedObjects(String file, JsonNode node, String pointer, List<String> problems) {
        if (node.isObject()) {
            if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
                problems.add(file + ": " + (pointer.isEmpty() ? "/" : pointer)
                        + " has properties but no \"additionalProperties\": false");
            } else if (node.has("properties") && node.path("additionalProperties").asBoolean()) {
                problems.add(file + ": " + (pointer.isEmpty() ? "/" : pointer) + " allows additional properties");
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                closedObjects(file, field.getValue(), pointer + "/" + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                closedObjects(file, node.get(i), pointer + "/" + i, problems);
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs, boolean internal) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#") == internal) {
                refs.add(ref.asText());
            }
            node.forEach(child -> collectRefs(child, refs, internal));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs, internal));
        }
    }

    private static String describe(Error error) {
        String location = String.valueOf(error.getInstanceLocation());
        return (location.isEmpty() ? "/" : location) + " " + error.getMessage();
    }

    private static JsonNode parse(ObjectMapper mapper, String content, String what) {
        try {
            return mapper.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
