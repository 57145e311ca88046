package com.wuaigou.ops.common.openapi;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The standard error answers and the nullability rule, as the test application's document shows them. */
@QuarkusTest
class ProblemResponsesFilterTest {

    @Test
    void shouldAddTheStandardErrorAnswersByRule() {
        JsonPath document = document();
        assertThat(statuses(document, "/api/v1/notes/{id}", "get")).containsExactly("200", "400", "401", "403", "404");
        assertThat(statuses(document, "/api/v1/notes", "post"))
                .containsExactly("200", "400", "401", "403", "409", "422");
        assertThat(statuses(document, "/api/v1/preconditioned/{id}", "put"))
                .containsExactly("204", "400", "401", "403", "404", "409", "412", "422", "428");
        assertThat(statuses(document, "/api/v1/preconditioned/{id}/optional", "put"))
                .containsExactly("204", "400", "401", "403", "404", "409", "412", "422");
    }

    @Test
    void shouldAnswer422WhereAnOperationDeclaresAnIdempotencyKeyEvenWithoutABody() {
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/start",
                OASFactory.createPathItem().POST(OASFactory.createOperation()
                        .addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER))
                        .responses(OASFactory.createAPIResponses().addAPIResponse("204",
                                OASFactory.createAPIResponse().description("Nothing happens"))))));

        new ProblemResponsesFilter().filterOpenAPI(openAPI);

        assertThat(openAPI.getPaths().getPathItem("/start").getPOST().getResponses().getAPIResponses().keySet())
                .containsExactlyInAnyOrder("204", "400", "409", "422");
    }

    @Test
    void shouldGiveEveryErrorTheProblemBodyAndKeepAnOperationsOwnDescription() {
        JsonPath document = document();
        Map<String, Object> conflict = document.getMap("paths.'/api/v1/preconditioned/{id}'.put.responses.'409'");
        assertThat(conflict.get("description")).isEqualTo("already-done: a peculiar conflict");
        assertThat(document.getString("paths.'/api/v1/preconditioned/{id}'.put.responses.'412'.content."
                + "'application/problem+json'.schema.'$ref'")).isEqualTo("#/components/schemas/Problem");
        assertThat(document.getString("paths.'/api/v1/notes/{id}'.get.responses.'401'.description"))
                .isEqualTo("No valid bearer token");
    }

    @Test
    void shouldRequireEveryPropertyOfAnAnswerAndTypeTheNullableOnesWithNull() {
        JsonPath document = document();
        assertThat(document.getList("components.schemas.Problem.required"))
                .containsExactly("type", "title", "status", "detail", "instance", "errors");
        assertThat(document.getList("components.schemas.RosterStaff.required"))
                .containsExactly("id", "name", "groupCode", "groupRole", "status", "version", "placements");
        assertThat(document.getList("components.schemas.RosterStaff.properties.groupCode.type"))
                .containsExactly("string", "null");
        assertThat(document.getString("components.schemas.RosterStaff.properties.name.type")).isEqualTo("string");
        assertThat(document.getList("components.schemas.RosterPlacement.properties.to.anyOf.'$ref'"))
                .containsExactly("#/components/schemas/LocalDate", null);
        assertThat(document.getList("components.schemas.RosterPlacement.properties.to.anyOf.type"))
                .containsExactly(null, "null");
    }

    @SuppressWarnings("unchecked")
    private static List<String> statuses(JsonPath document, String path, String method) {
        Map<String, Object> responses = document.getMap("paths.'" + path + "'." + method + ".responses");
        return responses.keySet().stream().sorted().toList();
    }

    private static JsonPath document() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }
}
