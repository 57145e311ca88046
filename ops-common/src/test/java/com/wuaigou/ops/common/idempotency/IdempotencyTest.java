package com.wuaigou.ops.common.idempotency;

import com.wuaigou.ops.common.fixture.Note;
import com.wuaigou.ops.common.fixture.NoteResource;
import com.wuaigou.ops.local.DevTokens;
import com.wuaigou.ops.local.IdempotencyContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The test application's one creating POST, {@code POST /api/v1/notes}, under the contract and its edge cases. */
@QuarkusTest
class IdempotencyTest extends IdempotencyContract {

    private static final String STAFF = DevTokens.mint(41, "staff");
    private static final String OTHER_STAFF = DevTokens.mint(42, "staff");
    private static final AtomicInteger NOTES = new AtomicInteger();

    @Override
    protected List<Creation> creations() {
        return List.of(new Creation("POST /api/v1/notes", "note",
                () -> Request.json(STAFF, "/api/v1/notes", "{\"text\":\"note " + NOTES.incrementAndGet() + "\"}")));
    }

    @Test
    void shouldRunARetryAgainAfterTheFirstRequestWasRefused() {
        String key = UUID.randomUUID().toString();

        note(STAFF, key, NoteResource.REFUSED_AFTER_CREATING).then().statusCode(422)
                .body("type", equalTo("https://ops.wuaigou.com/problems/refused-on-purpose"));
        note(STAFF, key, NoteResource.REFUSED_AFTER_CREATING).then().statusCode(422)
                .body("type", equalTo("https://ops.wuaigou.com/problems/refused-on-purpose"));

        note(STAFF, key, "after two refusals").then().statusCode(201).header("Idempotent-Replayed", "false");
    }

    @Test
    void shouldKeepEachCallersKeysApart() {
        String key = UUID.randomUUID().toString();

        long mine = note(STAFF, key, "same key, two people").then().statusCode(201).extract().jsonPath().getLong("id");
        long theirs = note(OTHER_STAFF, key, "same key, two people").then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().jsonPath().getLong("id");

        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void shouldTreatTheSameBodyOnAnotherPathAsAnotherRequest() {
        String key = UUID.randomUUID().toString();
        note(STAFF, key, "path counts").then().statusCode(201);

        as(STAFF).header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"text\":\"path counts\"}")
                .post("/api/v1/notes?copy=1").then().statusCode(422).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void shouldAnswerAsUsualWithoutAKey() {
        Response answer = as(STAFF).contentType(ContentType.JSON).body("{\"text\":\"no key\"}").post("/api/v1/notes");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void shouldRefuseABlankOrOverlongKeyNamingTheHeaderAndCreateNothing() {
        for (String key : List.of("", "   ", "k".repeat(Idempotent.MAX_LENGTH + 1))) {
            note(STAFF, key, "refused key " + key.length()).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertThat(Note.count("text like ?1", "refused key%")).isZero();
    }

    private static Response note(String token, String key, String text) {
        return as(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
                .post("/api/v1/notes");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
