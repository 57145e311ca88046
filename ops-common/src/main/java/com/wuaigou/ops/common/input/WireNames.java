package com.wuaigou.ops.common.input;

import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;
import java.util.Optional;

/** The names a client sends parameters by, for violations that Bean Validation reports by Java parameter name. */
public final class WireNames {

    private WireNames() {
    }

    /**
     * A query, path, header, cookie, form or matrix parameter's name; empty for the request body, whose fields the
     * rest of the path names. The annotations are looked for up the class hierarchy: the bean Bean Validation reports
     * may be a generated subclass that overrides the resource method without them.
     */
    public static Optional<String> parameter(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        if (method == null) {
            return Optional.of(parameter.getName());
        }
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> type = resource; type != null; type = type.getSuperclass()) {
            try {
                String name = of(type.getDeclaredMethod(method.getName(), types)
                        .getParameterAnnotations()[parameter.getParameterIndex()]);
                if (name != null) {
                    return Optional.of(name);
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return Optional.empty();
    }

    /** The name a parameter's JAX-RS annotation gives it; null for the request body. */
    public static String of(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof PathParam path) {
                return path.value();
            } else if (annotation instanceof HeaderParam header) {
                return header.value();
            } else if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            } else if (annotation instanceof FormParam form) {
                return form.value();
            } else if (annotation instanceof MatrixParam matrix) {
                return matrix.value();
            }
        }
        return null;
    }
}
