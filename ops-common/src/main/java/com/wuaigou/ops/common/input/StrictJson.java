package com.wuaigou.ops.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * JSON is read as written: a value of the wrong type is refused, never converted. Numbers do not become strings,
 * booleans, enums or dates (no 0 for the first enum constant, no 20089 for an epoch day); booleans are only
 * {@code true} and {@code false}; a fraction does not become a whole number; an empty string is not a missing value.
 * A number may come as a string ("12.50"), which keeps decimals exact. Text with a control character other than tab,
 * line feed and carriage return is refused (PostgreSQL cannot store U+0000). Anything after the document is an error.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Not lenient: java.time types take only their ISO text, not epoch numbers.
        mapper.setDefaultLeniency(false);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        for (LogicalType type : new LogicalType[]{LogicalType.Enum, LogicalType.DateTime}) {
            refuse(mapper, type, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString);
        }
        mapper.registerModule(new SimpleModule("ops-strict-text").addDeserializer(String.class, new TextDeserializer()));
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Jackson's own string reading, then the control-character check. */
    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            int refused = text == null ? -1 : Text.firstControlCharacter(text);
            if (refused >= 0) {
                throw new UnacceptableText(p, "must not contain the control character " + Text.describe(refused));
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Text that was read but is refused; its message is already in the API's words. */
    public static final class UnacceptableText extends MismatchedInputException {

        UnacceptableText(JsonParser p, String message) {
            super(p, message, String.class);
        }
    }
}
