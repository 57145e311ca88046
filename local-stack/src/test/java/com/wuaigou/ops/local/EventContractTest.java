package com.wuaigou.ops.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event contract accepts an event of every type as the services put it on the wire, and rejects drift: a renamed
 * field, a wrong type, a missing field, an unexpected null, an unknown value or type, a broken envelope.
 */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContract CONTRACT = EventContract.repository();

    @TempDir
    Path temp;

    @Test
    void shouldAcceptTheWireSampleOfEveryEventType() {
        assertThat(CONTRACT.types()).hasSize(12).contains("ops.personnel.staff.changed.v1",
                "ops.quota.period.locked.v1", "ops.project.closed.v1");
        for (String type : CONTRACT.types()) {
            assertThat(CONTRACT.violations(sampleText(type))).as(type).isEmpty();
        }
        CONTRACT.assertValid(sampleText("ops.project.cancelled.v1"));
    }

    @Test
    void shouldRejectARenamedField() {
        ObjectNode event = sample("ops.personnel.staff.changed.v1");
        ObjectNode data = (ObjectNode) event.get("data");
        data.set("group", data.remove("groupCode"));

        assertThat(CONTRACT.violations(event.toString())).anyMatch(v -> v.contains("group"))
                .anyMatch(v -> v.contains("groupCode"));
        assertThatThrownBy(() -> CONTRACT.assertValid(event.toString())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("data of ops.personnel.staff.changed.v1");
    }

    @Test
    void shouldRejectAFieldOfTheWrongType() {
        ObjectNode event = sample("ops.personnel.group.changed.v1");
        ((ObjectNode) event.get("data")).put("version", "1");

        assertThat(CONTRACT.violations(event.toString())).singleElement().asString().contains("version");
    }

    @Test
    void shouldRejectAMissingRequiredField() {
        ObjectNode event = sample("ops.quota.period.reopened.v1");
        ((ObjectNode) event.get("data")).remove("reopenedBy");

        assertThat(CONTRACT.violations(event.toString())).singleElement().asString().contains("reopenedBy");
    }

    @Test
    void shouldRejectANullTheServiceNeverWrites() {
        ObjectNode event = sample("ops.quota.period.locked.v1");
        ((ObjectNode) event.get("data").get("people").get(0)).putNull("name");

        assertThat(CONTRACT.violations(event.toString())).singleElement().asString().contains("name");
    }

    @Test
    void shouldRejectAValueOutsideItsEnumAndAMalformedDate() {
        ObjectNode shift = sample("ops.personnel.shift.changed.v1");
        ((ObjectNode) shift.get("data")).put("status", "DELETED");
        ObjectNode log = sample("ops.quota.worklog.recorded.v1");
        ((ObjectNode) log.get("data")).put("workDate", "08/09/2025");

        assertThat(CONTRACT.violations(shift.toString())).singleElement().asString().contains("status");
        assertThat(CONTRACT.violations(log.toString())).singleElement().asString().contains("workDate");
    }

    @Test
    void shouldRejectAnEventTypeWithoutASchema() {
        ObjectNode event = sample("ops.quota.worklog.recorded.v1");
        event.put("type", "ops.quota.worklog.deleted.v1");

        assertThat(CONTRACT.violations(event.toString())).singleElement().asString()
                .contains("no schema for event type 'ops.quota.worklog.deleted.v1'");
    }

    @Test
    void shouldRejectADriftedEnvelope() {
        ObjectNode withoutVersion = sample("ops.project.phase.changed.v1");
        withoutVersion.remove("specversion");
        ObjectNode withExtension = sample("ops.project.phase.changed.v1");
        withExtension.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        ObjectNode localTime = sample("ops.project.phase.changed.v1");
        localTime.put("time", "2026-11-20 14:30");

        assertThat(CONTRACT.violations(withoutVersion.toString())).singleElement().asString().contains("specversion");
        assertThat(CONTRACT.violations(withExtension.toString())).singleElement().asString().contains("traceparent");
        assertThat(CONTRACT.violations(localTime.toString())).singleElement().asString().contains("time");
        assertThat(CONTRACT.violations("{\"specversion\":")).singleElement().asString().startsWith("not JSON");
    }

    @Test
    void shouldAcceptThePeriodLockedFiguresWithAndWithoutDutyAndMinutes() {
        ObjectNode event = sample("ops.quota.period.locked.v1");
        ArrayNode people = (ArrayNode) event.get("data").get("people");
        ObjectNode person = (ObjectNode) people.get(1);
        person.put("workloadMinutes", 480).put("workingMinutes", 10080);
        ((ObjectNode) person.get("items").get(0)).put("duty", "PRIMARY");
        ((ObjectNode) people.get(2).get("items").get(0)).putNull("duty");
        assertThat(CONTRACT.violations(event.toString())).isEmpty();

        ((ObjectNode) person.get("items").get(0)).put("duty", "SIDE_JOB");
        person.put("workingMinutes", 10080.5);
        assertThat(CONTRACT.violations(event.toString())).hasSize(2)
                .anyMatch(v -> v.contains("duty")).anyMatch(v -> v.contains("workingMinutes"));
    }

    @Test
    void shouldFindTheAsyncApiDocumentAndTheSchemasConsistent() {
        assertThat(CONTRACT.schemaProblems()).isEmpty();
        assertThat(CONTRACT.asyncApiProblems()).isEmpty();
        CONTRACT.assertAsyncApiValid();
    }

    @Test
    void shouldReadEveryChannelsTopicWithItsPartitionsAndConfigurationFromTheDocument() {
        assertThat(CONTRACT.topics()).containsOnlyKeys("ops.personnel.staff", "ops.personnel.groups",
                        "ops.personnel.shifts", "ops.quota.worklogs", "ops.quota.attainment", "ops.quota.periods",
                        "ops.project.projects")
                .containsEntry("ops.personnel.staff", new TopicLayout(3, Map.of("cleanup.policy", "compact")))
                .containsEntry("ops.quota.worklogs", new TopicLayout(3,
                        Map.of("cleanup.policy", "delete", "retention.ms", "31622400000")));
    }

    @Test
    void shouldReportAMissingSchemaFileAnUnreferencedOneAndAWrongAsyncApiVersion() throws IOException {
        Path docs = copyOfDocs();
        Path schemas = docs.resolve("events").resolve("schemas");
        Files.delete(schemas.resolve("ops.quota.worklog.corrected.v1.schema.json"));
        Files.copy(schemas.resolve("ops.quota.worklog.recorded.v1.schema.json"),
                schemas.resolve("ops.quota.worklog.deleted.v1.schema.json"));
        Path asyncApi = docs.resolve("asyncapi.yaml");
        Files.writeString(asyncApi, Files.readString(asyncApi).replace("asyncapi: 3.0.0", "asyncapi: 2.6.0"));

        List<String> problems = EventContract.of(docs).asyncApiProblems();

        assertThat(problems).anyMatch(p -> p.contains("ops.quota.worklog.corrected.v1.schema.json is not a file"))
                .anyMatch(p -> p.contains("schema ops.quota.worklog.deleted.v1.schema.json is referred to by no message"))
                .anyMatch(p -> p.contains("event type ops.quota.worklog.deleted.v1 has no message"))
                .anyMatch(p -> p.contains("expected 3.0.0"));
        assertThatThrownBy(() -> EventContract.of(docs).assertAsyncApiValid()).isInstanceOf(AssertionError.class);
    }

    @Test
    void shouldReportABrokenReferenceAndAnAsyncApiDocumentThatIsNotYaml() throws IOException {
        Path docs = copyOfDocs();
        Path asyncApi = docs.resolve("asyncapi.yaml");
        String original = Files.readString(asyncApi);
        Files.writeString(asyncApi, original.replace("$ref: '#/channels/quotaPeriods'", "$ref: '#/channels/quotaPeriodz'"));
        assertThat(EventContract.of(docs).asyncApiProblems())
                .anyMatch(p -> p.equals("$ref #/channels/quotaPeriodz points at nothing"));

        Files.writeString(asyncApi, original + "\n  - : [unclosed\n");
        assertThat(EventContract.of(docs).asyncApiProblems()).singleElement().asString()
                .startsWith("asyncapi.yaml does not parse as YAML");
    }

    @Test
    void shouldReportASchemaThatLetsUnknownFieldsThrough() throws IOException {
        Path docs = copyOfDocs();
        Path schema = docs.resolve("events").resolve("schemas").resolve("ops.personnel.group.changed.v1.schema.json");
        Files.writeString(schema, Files.readString(schema).replace("\"additionalProperties\": false", "\"additionalProperties\": true"));

        assertThat(EventContract.of(docs).schemaProblems()).singleElement().asString()
                .isEqualTo("ops.personnel.group.changed.v1.schema.json: / allows additional properties");
    }

    @Test
    void shouldReportASchemaThatIsNotValidDraft202012() throws IOException {
        Path docs = copyOfDocs();
        Path schema = docs.resolve("events").resolve("schemas").resolve("ops.personnel.shift.changed.v1.schema.json");
        Files.writeString(schema, Files.readString(schema).replace("\"type\": \"integer\"", "\"type\": \"int\""));

        assertThat(EventContract.of(docs).schemaProblems())
                .anyMatch(p -> p.startsWith("ops.personnel.shift.changed.v1.schema.json: /properties/id/type"));
    }

    private Path copyOfDocs() throws IOException {
        Path source = EventContract.repositoryRoot().resolve("docs");
        Path target = temp.resolve("docs");
        Files.createDirectories(target.resolve("events").resolve("schemas"));
        Files.copy(source.resolve("asyncapi.yaml"), target.resolve("asyncapi.yaml"));
        try (Stream<Path> files = Files.list(source.resolve("events").resolve("schemas"))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve("events").resolve("schemas").resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static ObjectNode sample(String type) {
        try {
            return (ObjectNode) JSON.readTree(sampleText(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An envelope of {@code type} exactly as read from Kafka (project events: as their payload code writes them). */
    private static String sampleText(String type) {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/event-samples/" + type + ".json")) {
            assertThat(in).as("a sample of " + type + " in src/test/resources/event-samples").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
