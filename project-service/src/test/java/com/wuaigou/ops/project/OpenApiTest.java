package com.wuaigou.ops.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OpenApiTest {

    private static final Set<String> OWN_SCHEMAS = Set.of("ProjectView", "NewProject", "BudgetSummary", "LineFigures",
            "ExpenseInput", "ExpenseView", "ActionView", "ActionInput", "CheckInInput", "CheckInView", "TransitionRequest",
            "TransitionView", "EvaluationInput", "CriterionResult", "SettlementInput", "ShareInput", "LineCost",
            "ProposalInput", "FollowUpInput", "ProjectEdit", "AssistantInput", "BudgetLineInput", "ExpenseDecision",
            "ActionStatusChange", "MemberView", "EvaluationView", "SettlementView", "MonthFigures", "Totals");

    @Test
    void shouldDescribeEveryOperationAndItsProblemAnswers() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/projects")) {
                continue;
            }
            for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                if (!(operation.getValue() instanceof Map<?, ?> op) || !op.containsKey("responses")) {
                    continue;
                }
                operations++;
                String name = operation.getKey() + " " + path.getKey();
                if (op.get("summary") == null || op.get("description") == null || op.get("tags") == null) {
                    gaps.add(name + " lacks summary, description or tag");
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                if (!responses.containsKey("401") || !responses.containsKey("403")) {
                    gaps.add(name + " does not document 401 and 403");
                }
                responses.entrySet().stream().filter(r -> r.getKey().startsWith("4"))
                        .filter(r -> !String.valueOf(r.getValue().get("content")).contains("application/problem+json")
                                || !String.valueOf(r.getValue().get("content")).contains("Problem"))
                        .forEach(r -> gaps.add(name + " answers " + r.getKey() + " without a problem schema"));
            }
        }
        assertThat(operations).isEqualTo(23);
        assertThat(gaps).isEmpty();
    }

    @Test
    void shouldDescribeEveryFieldOfTheRequestAndResponseBodies() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        assertThat(schemas).containsKeys(OWN_SCHEMAS.toArray(String[]::new));
        List<String> undescribed = new ArrayList<>();
        for (String schema : OWN_SCHEMAS) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schemas.get(schema)
                    .get("properties");
            properties.forEach((field, spec) -> {
                if (!String.valueOf(spec).contains("description")) {
                    undescribed.add(schema + "." + field);
                }
            });
        }
        assertThat(undescribed).isEmpty();
    }
}
