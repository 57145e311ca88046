package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.local.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String anyApiPath() {
        return "/api/v1/quota-items";
    }

    @Test
    void shouldDocumentEachPartOfTheApi() {
        assertThat(openApi().getMap("paths").keySet()).contains("/api/v1/quota-items", "/api/v1/calendar",
                "/api/v1/assignments", "/api/v1/work-logs", "/api/v1/attainment/staff/{staffId}",
                "/api/v1/period-locks");
        assertThat(openApi().getMap("components.schemas").keySet())
                .contains("QuotaItem", "WorkLog", "PersonAttainment", "GroupAttainment", "Assignment");
    }
}
