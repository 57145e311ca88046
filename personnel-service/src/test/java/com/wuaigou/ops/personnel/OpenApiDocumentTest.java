package com.wuaigou.ops.personnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OpenApiDocumentTest {

    /** Jackson's tree type, pulled in by ops-common's CloudEvent; not this service's to describe. */
    private static final List<String> LIBRARY_SCHEMAS = List.of("JsonNode");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @Test
    void shouldDescribeEveryOperationAndEachErrorAnswerAsAProblem() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path.getKey();
                if (!operation.hasNonNull("summary") || !operation.hasNonNull("description")) {
                    undocumented.add(name + ": summary or description");
                }
                if (!operation.has("tags")) {
                    undocumented.add(name + ": tag");
                }
                for (Map.Entry<String, JsonNode> response : operation.get("responses").properties()) {
                    if (response.getKey().startsWith("4") && !response.getValue().path("content")
                            .has("application/problem+json")) {
                        undocumented.add(name + " " + response.getKey() + ": problem body");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(20);
        assertThat(undocumented).isEmpty();
        List<String> moveAnswers = new ArrayList<>();
        document.at("/paths/~1api~1v1~1staff~1{id}~1moves/post/responses").fieldNames().forEachRemaining(moveAnswers::add);
        assertThat(moveAnswers).contains("200", "400", "401", "403", "404", "409", "422");
    }

    @Test
    void shouldDescribeEveryFieldOfTheRequestAndResponseSchemas() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<String> undescribed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            if (LIBRARY_SCHEMAS.contains(schema.getKey())) {
                continue;
            }
            for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
                JsonNode field = property.getValue();
                boolean described = field.hasNonNull("description")
                        || (field.has("allOf") && field.toString().contains("description"));
                if (!described) {
                    undescribed.add(schema.getKey() + "." + property.getKey());
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }
}
