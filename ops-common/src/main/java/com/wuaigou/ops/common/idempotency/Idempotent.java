package com.wuaigou.ops.common.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating resource method (one that returns a {@link jakarta.ws.rs.core.Response}) as taking an
 * {@code Idempotency-Key} header. With the header, the caller's first request under the key runs once and its answer
 * is kept; a retry with the same key and request gets that answer again with {@code Idempotent-Replayed: true}, the
 * same key with another request 422. Without the header the method runs as it would unmarked. See
 * {@link IdempotencyInterceptor}; {@link IdempotencyKeyParameter} declares the header in OpenAPI. It goes on methods;
 * the type target is there only because the interceptor class itself carries the binding.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /** The request header naming the key. */
    String HEADER = "Idempotency-Key";

    /** The answer header telling a replay ({@code true}) from a first answer ({@code false}). */
    String REPLAYED = "Idempotent-Replayed";

    /** The longest key kept. */
    int MAX_LENGTH = 200;
}
