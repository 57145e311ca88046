package com.wuaigou.ops.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlainDecimalsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    PlainDecimalsTest() {
        new PlainDecimals().customize(mapper);
    }

    @Test
    void shouldWriteDecimalsStrippedOfTrailingZerosWithoutExponent() throws Exception {
        Map<String, BigDecimal> amounts = Map.of("sharePercent", new BigDecimal("60.00").stripTrailingZeros(),
                "spent", new BigDecimal("8.5E+2"));

        assertThat(mapper.writeValueAsString(amounts)).contains("\"sharePercent\":60").contains("\"spent\":850")
                .doesNotContain("E+");
    }

    @Test
    void shouldWriteDecimalsPlainInsideATreeAsEventsAreBuilt() throws Exception {
        String written = mapper.writeValueAsString(mapper.valueToTree(Map.of("amount", new BigDecimal("1.25E+3"))));

        assertThat(written).isEqualTo("{\"amount\":1250}");
    }
}
