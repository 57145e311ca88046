package com.wuaigou.ops.local;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every answer a {@code @QuarkusTest} receives through RestAssured is judged by the service's own OpenAPI document
 * ({@link OpenApiAnswers}): an undeclared status or a body that does not match its schema fails the test, naming the
 * request, the status and each schema error. Installed before each test of every module that has local-stack on its
 * test class path (a Quarkus test callback, registered in {@code META-INF/services}); the document is the one the
 * application under test serves at {@code /q/openapi}, read once per application. A module whose test application is
 * no service with a documented API (ops-common's fixture) sets the system property {@code ops.answers.judged=false}.
 */
public class AnswersMatchOpenApi implements QuarkusTestBeforeEachCallback {

    /** The system property that leaves a module's answers unjudged. */
    public static final String SWITCH = "ops.answers.judged";

    private static final Judge JUDGE = new Judge();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (Boolean.parseBoolean(System.getProperty(SWITCH, "true")) && !RestAssured.filters().contains(JUDGE)) {
            RestAssured.filters(JUDGE);
        }
    }

    /** Whether the answers RestAssured receives in this test are judged. */
    public static boolean judging() {
        return RestAssured.filters().contains(JUDGE);
    }

    /** The RestAssured filter: judges each answer by the document of the application that gave it. */
    private static final class Judge implements Filter {

        private final Map<String, OpenApiAnswers> documents = new ConcurrentHashMap<>();

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                               FilterContext context) {
            Response answer = context.next(request, expected);
            URI uri = URI.create(request.getURI());
            if (uri.getPath().startsWith("/q/")) {
                return answer;
            }
            String base = uri.getScheme() + "://" + uri.getAuthority();
            OpenApiAnswers document = documents.computeIfAbsent(base, AnswersMatchOpenApi::document);
            List<String> violations = document.violations(request.getMethod(), uri.getPath(), answer.getStatusCode(),
                    answer.getContentType().isEmpty() ? null : answer.getContentType(), answer.asString());
            if (!violations.isEmpty()) {
                throw new AssertionError("The answer to " + request.getMethod() + " " + uri.getPath() + " (status "
                        + answer.getStatusCode() + ") breaks the service's OpenAPI document:\n  "
                        + String.join("\n  ", violations) + "\nBody: " + answer.asString());
            }
            return answer;
        }
    }

    private static OpenApiAnswers document(String base) {
        try {
            HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (served.statusCode() != 200) {
                throw new IllegalStateException(base + "/q/openapi answered " + served.statusCode());
            }
            return new OpenApiAnswers(served.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + base + "/q/openapi", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + base + "/q/openapi", e);
        }
    }
}
