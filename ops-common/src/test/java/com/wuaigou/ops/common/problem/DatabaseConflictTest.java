package com.wuaigou.ops.common.problem;

import com.wuaigou.ops.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Conflicts that only the database sees, at commit, answer 409 naming what collided, never 500. */
@QuarkusTest
class DatabaseConflictTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(DevTokens.mint(1, "admin")).contentType(ContentType.JSON);
    }

    private static long note() {
        return admin().body(Map.of("text", "racing")).post("/api/v1/notes").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void shouldAnswerADuplicateFoundAtCommitWithConflictNamingTheField() {
        String code = UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("code", code)).put("/api/v1/notes/" + note() + "/code").then().statusCode(204);
        admin().body(Map.of("code", code)).put("/api/v1/notes/" + note() + "/code").then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "duplicate"))
                .body("detail", equalTo("code already exists"));
    }

    @Test
    void shouldAnswerAStaleVersionFoundAtCommitWithConflict() {
        admin().body(Map.of("text", "mine")).put("/api/v1/notes/" + note() + "/text").then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "stale-version"));
    }
}
