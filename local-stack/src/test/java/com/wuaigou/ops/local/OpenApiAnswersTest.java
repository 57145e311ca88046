package com.wuaigou.ops.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiAnswersTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/v1/things/{id}": {"get": {"responses": {
                 "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/api/v1/things/count": {"get": {"responses": {
                 "200": {"content": {"application/json": {"schema": {"type": "integer", "format": "int64"}}}}}}},
               "/api/v1/things": {"delete": {"responses": {"204": {"description": "Gone"}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["id", "note", "day", "size"], "properties": {
                 "id": {"type": "integer", "format": "int64"},
                 "note": {"type": ["string", "null"]},
                 "day": {"$ref": "#/components/schemas/LocalDate"},
                 "size": {"anyOf": [{"$ref": "#/components/schemas/Size"}, {"type": "null"}]}}},
               "LocalDate": {"type": "string", "format": "date"},
               "Size": {"type": "string", "enum": ["SMALL", "LARGE"]},
               "Problem": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}
            """;

    private final OpenApiAnswers answers = new OpenApiAnswers(DOCUMENT);

    @Test
    void shouldAcceptAnAnswerMatchingItsSchemaWithNullsWhereTheyAreTyped() {
        assertThat(answers.violations("GET", "/api/v1/things/7", 200, "application/json",
                "{\"id\": 7, \"note\": null, \"day\": \"2025-03-01\", \"size\": null}")).isEmpty();
        assertThat(answers.violations("GET", "/api/v1/things/7", 404, "application/problem+json",
                "{\"status\": 404}")).isEmpty();
        assertThat(answers.violations("DELETE", "/api/v1/things", 204, null, "")).isEmpty();
    }

    @Test
    void shouldNameEveryBreachOfTheSchema() {
        assertThat(answers.violations("GET", "/api/v1/things/7", 200, "application/json",
                "{\"id\": null, \"day\": \"2025-02-30\", \"size\": \"HUGE\"}"))
                .anySatisfy(v -> assertThat(v).contains("note"))
                .anySatisfy(v -> assertThat(v).startsWith("/id"))
                .anySatisfy(v -> assertThat(v).startsWith("/day"))
                .anySatisfy(v -> assertThat(v).startsWith("/size"));
    }

    @Test
    void shouldRefuseAStatusOrMediaTypeTheOperationDoesNotDeclare() {
        assertThat(answers.violations("GET", "/api/v1/things/7", 409, "application/problem+json", "{\"status\": 409}"))
                .singleElement().asString().contains("409 is not declared");
        assertThat(answers.violations("GET", "/api/v1/things/7", 404, "application/json", "{\"status\": 404}"))
                .singleElement().asString().contains("application/json is not declared");
        assertThat(answers.violations("DELETE", "/api/v1/things", 204, "application/json", "{}"))
                .singleElement().asString().contains("declares no body");
    }

    @Test
    void shouldPreferTheLiteralPathAndSkipWhatTheDocumentDoesNotDescribe() {
        assertThat(answers.violations("GET", "/api/v1/things/count", 200, "application/json", "12")).isEmpty();
        assertThat(answers.violations("GET", "/api/v1/elsewhere", 404, "application/problem+json", "{}")).isEmpty();
        assertThat(answers.violations("POST", "/api/v1/things/7", 405, "application/problem+json", "{}")).isEmpty();
    }
}
