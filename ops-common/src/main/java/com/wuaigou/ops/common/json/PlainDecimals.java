package com.wuaigou.ops.common.json;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Decimal amounts are written as plain decimals ({@code 60}, {@code 850.00}), never in exponent notation
 * ({@code 6E+1}), in answers and in events alike: spreadsheets, BI tools and JavaScript formatting expect the plain form.
 */
@Singleton
public class PlainDecimals implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
    }
}
