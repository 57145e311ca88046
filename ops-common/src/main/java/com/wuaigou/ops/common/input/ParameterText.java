package com.wuaigou.ops.common.input;

import com.wuaigou.ops.common.problem.InvalidParameterException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Refuses a control character (U+0000 included, which PostgreSQL cannot store) in any query or path parameter, before
 * the parameters are read. Text parameters pass no converter, so the check cannot live in {@link StrictParameters}.
 */
public class ParameterText {

    @ServerRequestFilter
    public void refuseControlCharacters(UriInfo uri) {
        refuse(uri.getPathParameters());
        refuse(uri.getQueryParameters());
    }

    private static void refuse(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && Text.firstLineBreakOrControlCharacter(value) >= 0) {
                    throw new InvalidParameterException(parameter.getKey(),
                            "must not contain line breaks, tabs or other control characters");
                }
            }
        }
    }
}
