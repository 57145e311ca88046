package com.wuaigou.ops.quota.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeEveryOperationAndItsProblemAnswers() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!path.startsWith("/api/v1/") || !(value instanceof Map)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            if (operation.get("summary") == null || operation.get("description") == null || operation.get("tags") == null) {
                undocumented.add(method + " " + path + " lacks summary, description or tag");
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                if (status.startsWith("4") && !String.valueOf(response.get("content")).contains("application/problem+json")) {
                    undocumented.add(method + " " + path + " answers " + status + " without a problem body");
                }
            });
        }));

        assertThat(paths.keySet()).contains("/api/v1/quota-items", "/api/v1/calendar", "/api/v1/assignments",
                "/api/v1/work-logs", "/api/v1/attainment/staff/{staffId}", "/api/v1/period-locks");
        assertThat(undocumented).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeEveryFieldOfTheRequestAndResponseBodies() {
        Map<String, Map<String, Object>> schemas = given().get("/q/openapi?format=json").then().extract().jsonPath()
                .getMap("components.schemas");
        List<String> undescribed = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            if (properties != null) {
                properties.forEach((field, property) -> {
                    if (property.get("description") == null) {
                        undescribed.add(name + "." + field);
                    }
                });
            }
        });

        assertThat(schemas).containsKeys("QuotaItem", "WorkLog", "PersonAttainment", "GroupAttainment", "Assignment");
        assertThat(undescribed).isEmpty();
    }
}
