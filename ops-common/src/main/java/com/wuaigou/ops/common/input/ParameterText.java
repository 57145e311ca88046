package com.wuaigou.ops.common.input;

import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.problem.InvalidParameterException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks parameter text before the parameters are read: a control character (U+0000 included, which PostgreSQL
 * cannot store) in any query or path value, and a header the operation reads sent blank. JAX-RS reads a blank header
 * as a missing one, so a blank {@code Idempotency-Key} would silently mean "no key" (an {@link Idempotent} method reads
 * that header through ops-common, not as a parameter, and is checked alike). Text parameters pass no
 * converter, so these checks cannot live in {@link StrictParameters}.
 */
public class ParameterText {

    private final Map<Method, List<String>> headersRead = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseControlCharactersAndBlankHeaders(UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        refuse(uri.getPathParameters());
        refuse(uri.getQueryParameters());
        for (String header : headersRead.computeIfAbsent(resource.getResourceMethod(), ParameterText::headerParameters)) {
            List<String> values = headers.getRequestHeaders().get(header);
            if (values != null && values.stream().anyMatch(String::isBlank)) {
                throw new InvalidParameterException(header, "must not be blank; leave the header out to send none");
            }
        }
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

    private static List<String> headerParameters(Method method) {
        List<String> names = new ArrayList<>();
        if (method.isAnnotationPresent(Idempotent.class)) {
            names.add(Idempotent.HEADER);
        }
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof HeaderParam header) {
                    names.add(header.value());
                }
            }
        }
        return names;
    }
}
