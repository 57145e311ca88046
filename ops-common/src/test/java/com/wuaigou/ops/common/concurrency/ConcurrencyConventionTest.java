package com.wuaigou.ops.common.concurrency;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The convention every versioned resource follows: reads carry the version as a strong ETag; a change needs
 * If-Match (428 without), refuses a stale one with 412 naming the current ETag, and answers 412 too when it passed the
 * check but lost the race to a concurrent change at commit.
 */
@QuarkusTest
class ConcurrencyConventionTest {

    private static final String NOTES = "/api/v1/versioned-notes/";

    private static RequestSpecification staff() {
        return given().auth().oauth2(DevTokens.mint(12, "staff")).contentType(ContentType.JSON);
    }

    private static long note() {
        return staff().body(Map.of("text", "first")).post("/api/v1/notes").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void shouldTagAReadWithItsVersionAsAStrongETag() {
        long id = note();
        staff().get(NOTES + id).then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
    }

    @Test
    void shouldApplyAChangeNamingTheCurrentETagAndTagTheAnswerWithTheNextOne() {
        long id = note();
        staff().header("If-Match", "\"0\"").body(Map.of("text", "second")).put(NOTES + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("text", equalTo("second"));
        staff().header("If-Match", "*").body(Map.of("text", "third")).put(NOTES + id)
                .then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void shouldRequireIfMatchAndChangeNothingWithoutIt() {
        long id = note();
        staff().body(Map.of("text", "blind")).put(NOTES + id).then().statusCode(428)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "precondition-required"))
                .body("errors[0].field", equalTo("If-Match"));
        staff().get(NOTES + id).then().header("ETag", "\"0\"").body("text", equalTo("first"));
    }

    @Test
    void shouldRefuseAStaleOrWeakETagNamingTheCurrentOneAndChangeNothing() {
        long id = note();
        staff().header("If-Match", "\"0\"").body(Map.of("text", "second")).put(NOTES + id).then().statusCode(200);
        for (String stale : new String[]{"\"0\"", "W/\"1\"", "\"5\", \"7\""}) {
            staff().header("If-Match", stale).body(Map.of("text", "late")).put(NOTES + id).then().statusCode(412)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo(Problem.TYPE_BASE + "stale-version"))
                    .body("detail", equalTo("Note " + id + " is at ETag \"1\", not " + stale
                            + " (If-Match); read it again and retry"))
                    .body("errors[0].field", equalTo("If-Match"));
        }
        staff().get(NOTES + id).then().header("ETag", "\"1\"").body("text", equalTo("second"));
    }

    @Test
    void shouldRefuseAMalformedIfMatchNamingIt() {
        long id = note();
        staff().header("If-Match", "1").body(Map.of("text", "late")).put(NOTES + id).then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void shouldAnswerPreconditionFailedToAChangeThatLostTheRaceAtCommit() {
        long id = note();
        staff().header("If-Match", "\"0\"").body(Map.of("text", "lost")).put(NOTES + id + "/after-a-concurrent-edit")
                .then().statusCode(412).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "stale-version"))
                .body("errors[0].field", equalTo("If-Match"));
        String text = staff().get(NOTES + id).then().header("ETag", "\"1\"").extract().path("text");
        assertThat(text).isEqualTo("first");
    }

    @Test
    void shouldAnswerConflictToAStarThatLostTheRaceAtCommit() {
        long id = note();
        staff().header("If-Match", "*").body(Map.of("text", "lost")).put(NOTES + id + "/after-a-concurrent-edit")
                .then().statusCode(409).body("type", equalTo(Problem.TYPE_BASE + "stale-version"));
    }
}
