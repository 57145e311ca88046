package com.wuaigou.ops.common.idempotency;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The key and the identity of the current request, as {@link IdempotencyKeyFilter} read them before the body was
 * parsed; empty when the request sent no key or its method is not {@link Idempotent}.
 */
@RequestScoped
public class IdempotentRequest {

    /**
     * A key as claimed: the operation (method and request target, query included) and the SHA-256 of the body's bytes,
     * in hex.
     */
    public record Claim(String key, String operation, String requestHash) {
    }

    private Claim claim;

    void set(Claim claim) {
        this.claim = claim;
    }

    public Optional<Claim> claim() {
        return Optional.ofNullable(claim);
    }
}
