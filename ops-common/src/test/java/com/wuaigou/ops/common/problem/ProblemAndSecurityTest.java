package com.wuaigou.ops.common.problem;

import com.wuaigou.ops.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ProblemAndSecurityTest {

    private static final String STAFF = DevTokens.mint(12, "staff");

    @Test
    void shouldRefuseARequestWithoutTokenWithUnauthorizedProblem() {
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/v1/notes")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo(Problem.TYPE_BASE + "unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void shouldRefuseATokenSignedByAnotherKey() throws Exception {
        var otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String forged = Jwt.issuer(DevTokens.ISSUER).audience(DevTokens.AUDIENCE).subject("12")
                .groups(Set.of("admin")).sign(otherKey);
        given().auth().oauth2(forged).get("/api/v1/notes/1")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAnExpiredTokenAndGarbage() {
        given().auth().oauth2(DevTokens.expired(12, "staff")).get("/api/v1/notes/1")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-jwt").get("/api/v1/notes/1")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseTheWrongRoleWithForbiddenProblem() {
        given().auth().oauth2(DevTokens.mint(7, "bi")).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/v1/notes")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_BASE + "forbidden"));
    }

    @Test
    void shouldAcceptAValidTokenAndKnowTheCaller() {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .when().post("/api/v1/notes")
                .then().statusCode(201).body("by", equalTo(12));
    }

    @Test
    void shouldNameEachInvalidField() {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"text\":\"  \"}")
                .when().post("/api/v1/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_BASE + "validation"))
                .body("errors.field", hasItem("text"))
                .body("detail", containsString("text"));
    }

    @Test
    void shouldNameTheFieldOfTheWrongType() {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"text\":{\"nested\":1}}")
                .when().post("/api/v1/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("text"));
    }

    @Test
    void shouldRefuseMalformedJson() {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"text\": ")
                .when().post("/api/v1/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void shouldAnswerUnknownIdsAndAddressesWithNotFoundProblem() {
        given().auth().oauth2(STAFF).get("/api/v1/notes/987654")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No note with id 987654"))
                .body("instance", equalTo("/api/v1/notes/987654"));
        given().auth().oauth2(STAFF).get("/api/v1/nowhere")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/nowhere/at/all")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerAnUnsupportedMethodWithProblem() {
        given().auth().oauth2(STAFF).delete("/api/v1/notes/1")
                .then().statusCode(405).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void shouldKeepHealthOpenForOrchestrators() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("Database")));
    }
}
