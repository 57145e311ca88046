package com.wuaigou.ops.common.problem;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.wuaigou.ops.common.input.Expected;
import com.wuaigou.ops.common.input.StrictJson;

/** Why a JSON value was refused, in the API's words: Jackson's own messages name Java classes and settings. */
final class JsonProblems {

    private JsonProblems() {
    }

    static String message(JsonMappingException e) {
        if (e instanceof StrictJson.UnacceptableText) {
            return e.getOriginalMessage();
        }
        if (e.getCause() instanceof InputCoercionException outOfRange) {
            return "must be " + Expected.of(outOfRange.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + Expected.of(mismatch.getTargetType());
        }
        return "cannot be read";
    }
}
