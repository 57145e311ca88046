package com.wuaigou.ops.local;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every creating POST of a service takes an {@code Idempotency-Key} (ops-common {@code idempotency}): a retry with the
 * same key and request gets the first answer again (status, body, {@code Location} and {@code ETag}) with
 * {@code Idempotent-Replayed: true} and creates nothing more; the same key with another request is refused with 422
 * naming the header and creates nothing; two retries that reach the database together create once. A service's test
 * extends it, annotated {@code @QuarkusTest}, and lists its creating POSTs with a new valid request each time one is
 * asked for.
 */
public abstract class IdempotencyContract {

    private static final String PROBLEM = "application/problem+json";

    /**
     * A request as a client sends it; {@code ifMatch} is the {@code If-Match} header of a creation that changes the
     * resource it is created under (the version read, or {@code *}), null where the operation takes none.
     */
    public record Request(String token, String path, String mediaType, String body, String ifMatch) {

        public Request(String token, String path, String mediaType, String body) {
            this(token, path, mediaType, body, null);
        }

        public static Request json(String token, String path, String body) {
            return new Request(token, path, "application/json", body);
        }

        /** The same request with this {@code If-Match} header. */
        public Request ifMatch(String etag) {
            return new Request(token, path, mediaType, body, etag);
        }
    }

    /**
     * A creating POST: its name in the OpenAPI document ({@code POST /api/v1/staff}), the table whose rows count its
     * creations and how many rows one request adds there, and a new valid request each time it is asked.
     */
    public record Creation(String operation, String table, int rows, Supplier<Request> next) {

        public Creation(String operation, String table, Supplier<Request> next) {
            this(operation, table, 1, next);
        }
    }

    /** Every creating POST of the service. */
    protected abstract List<Creation> creations();

    @TestFactory
    Stream<DynamicTest> shouldReplayTheFirstAnswerToARetryWithTheSameKeyAndRequest() {
        return each(creation -> () -> {
            Request request = creation.next().get();
            String key = newKey();
            long before = rows(creation.table());

            Response first = send(request, key);
            Response retry = send(request, key);

            assertThat(first.statusCode()).as(first.asString()).isBetween(200, 299);
            assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
            assertThat(retry.statusCode()).isEqualTo(first.statusCode());
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.asString()).isEqualTo(first.asString());
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
            Object version = first.asString().startsWith("{") ? first.path("version") : null;
            if (version != null) {
                assertThat(first.header("ETag")).as("ETag of a versioned resource's creation").isEqualTo("\"" + version + "\"");
            }
            assertThat(rows(creation.table())).isEqualTo(before + creation.rows());
        });
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseTheSameKeyForAnotherRequestNamingTheHeaderAndCreateNothing() {
        return each(creation -> () -> {
            String key = newKey();
            Response first = send(creation.next().get(), key);
            assertThat(first.statusCode()).as(first.asString()).isBetween(200, 299);
            long before = rows(creation.table());

            Response other = send(creation.next().get(), key);

            assertThat(other.statusCode()).as(other.asString()).isEqualTo(422);
            assertThat(other.contentType()).startsWith(PROBLEM);
            assertThat(other.jsonPath().getString("type")).endsWith("/idempotency-key-reused");
            assertThat(other.jsonPath().getList("errors.field", String.class)).contains("Idempotency-Key");
            assertThat(rows(creation.table())).isEqualTo(before);
        });
    }

    @TestFactory
    Stream<DynamicTest> shouldCreateOnceWhenRetriesWithTheSameKeyReachTheDatabaseTogether() {
        return each(creation -> () -> {
            Request request = creation.next().get();
            String key = newKey();
            long before = rows(creation.table());

            List<Response> answers = Race.twiceHeldAtTheLockOf("idempotency_key", () -> send(request, key));

            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.asString()).isBetween(200, 299));
            assertThat(answers.get(1).asString()).isEqualTo(answers.get(0).asString());
            assertThat(answers).extracting(answer -> answer.header("Idempotent-Replayed"))
                    .containsExactlyInAnyOrder("false", "true");
            assertThat(rows(creation.table())).isEqualTo(before + creation.rows());
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDeclareTheIdempotencyKeyOnEveryCreatingPostAndOnNothingElse() {
        Map<String, Map<String, Object>> paths = ServiceBasicsContract.openApi().getMap("paths");
        TreeSet<String> declaring = new TreeSet<>();
        TreeSet<String> creatingPosts = new TreeSet<>();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation)) {
                return;
            }
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.get("parameters");
            if (parameters != null && parameters.stream().anyMatch(p -> "Idempotency-Key".equals(p.get("name"))
                    && "header".equals(p.get("in")))) {
                declaring.add(method.toUpperCase() + " " + path);
            }
            if (method.equals("post") && operation.get("responses") instanceof Map<?, ?> responses
                    && responses.containsKey("201")) {
                creatingPosts.add(method.toUpperCase() + " " + path);
            }
        }));
        TreeSet<String> tested = new TreeSet<>(creations().stream().map(Creation::operation).toList());

        assertThat(declaring).containsAll(creatingPosts).isEqualTo(tested);
    }

    private Stream<DynamicTest> each(Function<Creation, Executable> test) {
        return creations().stream().map(creation -> DynamicTest.dynamicTest(creation.operation(), test.apply(creation)));
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static Response send(Request request, String key) {
        RequestSpecification spec = given().auth().oauth2(request.token()).header("Idempotency-Key", key);
        if (request.ifMatch() != null) {
            spec = spec.header("If-Match", request.ifMatch());
        }
        return spec.contentType(request.mediaType()).body(request.body()).post(request.path());
    }

    /** Rows of the table now, read on a connection of its own. */
    private static long rows(String table) {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from \"" + table + "\"")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The rows of " + table + " could not be counted", e);
        }
    }

    /** A connection to the service's own database. */
    static Connection connection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
