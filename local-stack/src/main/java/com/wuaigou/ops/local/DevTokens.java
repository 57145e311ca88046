package com.wuaigou.ops.local;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * Signs RS256 bearer tokens with the development key pair. The services trust its public half only in dev, test and
 * the local stack; production configures its own issuer's key.
 */
public final class DevTokens {

    public static final String ISSUER = "https://ops.wuaigou.com/dev-issuer";
    public static final String AUDIENCE = "ops-department";
    public static final String PRIVATE_KEY_RESOURCE = "dev-keys/ops-dev-jwt-private-key.pem";
    public static final String PUBLIC_KEY_RESOURCE = "dev-keys/ops-dev-jwt-public-key.pem";

    private static final PrivateKey KEY = loadKey();

    private DevTokens() {
    }

    /** A token for {@code staffId} carrying {@code roles}, valid for {@code lifetime}. */
    public static String mint(long staffId, Duration lifetime, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(Long.toString(staffId))
                .upn("staff-" + staffId)
                .groups(Set.of(roles))
                .expiresIn(lifetime)
                .jws().keyId("ops-dev")
                .sign(KEY);
    }

    /** A one-hour token, as tests use. */
    public static String mint(long staffId, String... roles) {
        return mint(staffId, Duration.ofHours(1), roles);
    }

    /** A token signed by the right key that expired a minute ago. */
    public static String expired(long staffId, String role) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(Long.toString(staffId)).groups(Set.of(role))
                .issuedAt(now - 3600).expiresAt(now - 60)
                .jws().keyId("ops-dev").sign(KEY);
    }

    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    private static PrivateKey loadKey() {
        try {
            return KeyUtils.decodePrivateKey(resource(PRIVATE_KEY_RESOURCE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Development signing key is unreadable", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
