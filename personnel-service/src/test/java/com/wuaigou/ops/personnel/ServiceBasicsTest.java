package com.wuaigou.ops.personnel;

import com.wuaigou.ops.local.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String anyApiPath() {
        return "/api/v1/staff";
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDocumentEveryAnswerOfAMove() {
        Map<String, Map<String, Object>> paths = openApi().getMap("paths");
        assertThat(paths).hasSizeGreaterThanOrEqualTo(15);
        Map<String, Object> move = (Map<String, Object>) paths.get("/api/v1/staff/{id}/moves").get("post");
        assertThat(((Map<String, Object>) move.get("responses")).keySet())
                .contains("200", "400", "401", "403", "404", "409", "422");
    }
}
