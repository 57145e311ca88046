package com.wuaigou.ops.common.idempotency;

import com.wuaigou.ops.common.problem.InvalidParameterException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the {@code Idempotency-Key} of a request to an {@link Idempotent} method and what identifies the request: the
 * method, the request target and the SHA-256 of the body's bytes as sent (JSON or CSV alike), read here once and handed
 * on to the body reader unchanged. Runs after {@code ParameterText}, which refuses a blank key.
 */
public class IdempotencyKeyFilter {

    private final IdempotentRequest request;
    private final Map<Method, Boolean> idempotent = new ConcurrentHashMap<>();

    IdempotencyKeyFilter(IdempotentRequest request) {
        this.request = request;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void readKey(ContainerRequestContext context, ResourceInfo resource) throws IOException {
        if (!idempotent.computeIfAbsent(resource.getResourceMethod(), method -> method.isAnnotationPresent(Idempotent.class))) {
            return;
        }
        String key = context.getHeaderString(Idempotent.HEADER);
        if (key == null || key.isBlank()) {
            return;
        }
        if (key.length() > Idempotent.MAX_LENGTH) {
            throw new InvalidParameterException(Idempotent.HEADER, "must be at most " + Idempotent.MAX_LENGTH + " characters");
        }
        byte[] body = read(context.getEntityStream());
        context.setEntityStream(new ByteArrayInputStream(body));
        URI target = context.getUriInfo().getRequestUri();
        String operation = context.getMethod() + " " + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        request.set(new IdempotentRequest.Claim(key, operation, sha256(body)));
    }

    private static byte[] read(InputStream body) throws IOException {
        return body == null ? new byte[0] : body.readAllBytes();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
