package com.wuaigou.ops.local;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service promises orchestrators and front ends, whatever its domain. A service's test extends it and is
 * annotated {@code @QuarkusTest}; {@link #anyApiPath()} names one of its protected endpoints.
 */
public abstract class ServiceBasicsContract {

    /** A GET endpoint of the service under {@code /api/v1} that needs a token. */
    protected abstract String anyApiPath();

    @Test
    void shouldReportLiveAndReadyWithDatabaseAndKafkaChecksWithoutToken() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void shouldServeOpenApiSwaggerUiAndPrometheusMetricsWithoutToken() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void shouldRefuseTheApiWithoutTokenAsUnauthorizedProblem() {
        given().get(anyApiPath()).then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void shouldAnswerUnknownAddressesWithNotFoundProblem() {
        given().auth().oauth2(DevTokens.mint(DemoIdentities.ADMIN_ID, "admin")).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeEveryOperationWithItsProblemAnswersInOpenApi() {
        Map<String, Map<String, Object>> paths = openApi().getMap("paths");
        List<String> gaps = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!path.startsWith("/api/v1/") || !(value instanceof Map<?, ?>)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            String name = method.toUpperCase() + " " + path;
            if (operation.get("summary") == null || operation.get("description") == null || operation.get("tags") == null) {
                gaps.add(name + " lacks a summary, description or tag");
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            if (!responses.containsKey("401") || !responses.containsKey("403")) {
                gaps.add(name + " does not document 401 and 403");
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("4") && !String.valueOf(response.get("content")).contains("application/problem+json")) {
                    gaps.add(name + " answers " + status + " without a problem body");
                }
            });
        }));
        assertEquals(List.of(), gaps, "OpenAPI gaps");
    }

    @Test
    void shouldJudgeEveryAnswerOfTheTestsByTheDocument() {
        assertTrue(AnswersMatchOpenApi.judging(), "AnswersMatchOpenApi does not check this module's answers");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldNameEveryOperationOnceAndSayWhereItIsServed() {
        JsonPath document = openApi();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        Map<String, List<String>> operationsById = new TreeMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (value instanceof Map<?, ?> operation) {
                operationsById.computeIfAbsent(String.valueOf(operation.get("operationId")), id -> new ArrayList<>())
                        .add(method.toUpperCase() + " " + path);
            }
        }));
        List<String> wrong = new ArrayList<>();
        operationsById.forEach((id, operations) -> {
            if (operations.size() > 1 || !id.matches("[a-z][A-Za-z0-9]*")) {
                wrong.add(id + " names " + operations);
            }
        });
        assertEquals(List.of(), wrong, "operations without a unique, client-friendly operationId");
        assertFalse(document.getList("servers.url").isEmpty(), "the document names no server");
    }

    /**
     * The service's document equals the one committed in {@code docs/openapi/}, so a change of the API is a change of
     * the committed contract too. {@code -Dopenapi.update=true} writes the live document there instead.
     */
    @Test
    void shouldServeTheOpenApiDocumentCommittedInDocs() throws IOException {
        String live = given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        Path module = Path.of("").toAbsolutePath();
        Path committed = module.resolveSibling("docs").resolve("openapi").resolve(module.getFileName() + ".yaml");
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, live);
        }
        assertTrue(Files.exists(committed), committed + " is missing; run the tests with -Dopenapi.update=true");
        assertEquals(Files.readString(committed), live,
                "the API differs from " + committed + "; review the change and run the tests with -Dopenapi.update=true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeEveryFieldOfEveryBodyInOpenApi() {
        Map<String, Map<String, Object>> schemas = openApi().getMap("components.schemas");
        List<String> undescribed = new ArrayList<>();
        schemas.forEach((schema, definition) -> {
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
            if (properties != null) {
                properties.forEach((field, property) -> {
                    if (!String.valueOf(property).contains("description")) {
                        undescribed.add(schema + "." + field);
                    }
                });
            }
        });
        assertEquals(List.of(), undescribed, "fields without a description");
    }

    @Test
    void shouldHaveCreatedEveryDocumentedTopicAsTheDocumentDeclares() {
        TopicProbe broker = new TopicProbe(LocalInfraTestResource.kafka().bootstrapServers());
        Map<String, TopicLayout> documented = EventContract.repository().topics();
        Map<String, TopicLayout> live = new TreeMap<>();
        documented.forEach((topic, layout) -> live.put(topic, broker.layout(topic, layout.configuration().keySet())));
        assertEquals(documented, live, "topics on the broker after the service started, against docs/asyncapi.yaml");
    }

    /** The service's OpenAPI document, for checks of its own. */
    protected static JsonPath openApi() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }
}
