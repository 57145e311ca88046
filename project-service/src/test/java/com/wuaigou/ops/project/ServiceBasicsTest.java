package com.wuaigou.ops.project;

import com.wuaigou.ops.local.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    private static final Set<String> OWN_SCHEMAS = Set.of("ProjectView", "NewProject", "BudgetSummary", "LineFigures",
            "ExpenseInput", "ExpenseView", "ActionView", "ActionInput", "CheckInInput", "CheckInView", "TransitionRequest",
            "TransitionView", "EvaluationInput", "CriterionResult", "SettlementInput", "ShareInput", "LineCost",
            "ProposalInput", "FollowUpInput", "ProjectEdit", "AssistantInput", "BudgetLineInput", "ExpenseDecision",
            "ActionStatusChange", "MemberView", "EvaluationView", "SettlementView", "MonthFigures", "Totals");

    @Override
    protected String anyApiPath() {
        return "/api/v1/projects";
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDocumentEveryProjectOperationAndBody() {
        Map<String, Map<String, Object>> paths = openApi().getMap("paths");
        long operations = paths.entrySet().stream().filter(path -> path.getKey().startsWith("/api/v1/projects"))
                .flatMap(path -> path.getValue().values().stream())
                .filter(operation -> operation instanceof Map<?, ?> op && op.containsKey("responses"))
                .count();
        assertThat(operations).isEqualTo(23);
        assertThat(openApi().getMap("components.schemas").keySet()).containsAll(OWN_SCHEMAS);
    }

    @Test
    void shouldDeclareNoBodyForTheApproval() {
        assertThat(openApi().getMap("paths.'/api/v1/projects/{id}/approval'.post"))
                .containsKey("responses").doesNotContainKey("requestBody");
    }
}
