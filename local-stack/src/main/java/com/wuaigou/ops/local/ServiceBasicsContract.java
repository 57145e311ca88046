package com.wuaigou.ops.local;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
}
