package com.wuaigou.ops.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer-token parser, remembering tokens it verified. A client sends the same token with every request until it
 * expires, and checking its RS256 signature and claims is a tenth of a small write's cost, so a token verified once is
 * taken again without a second check: for at most {@link #REMEMBERED_FOR}, never after its expiry. Only the exact
 * token text finds an entry; any other text, however close, is verified in full.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    /** How long a verified token is taken without a new check, so a key withdrawn from the issuer stops working soon. */
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    /** Beyond this many tokens the expired ones are dropped, and all of them if none had expired. */
    static final int CAPACITY = 10_000;

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens() {
        this.clock = Clock.systemUTC();
    }

    VerifiedTokens(JWTAuthContextInfo settings, Clock clock) {
        super(settings);
        this.clock = clock;
    }

    private record Verified(JsonWebToken token, long usableUntil) {
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(bearerToken);
        if (known != null && now < known.usableUntil()) {
            return known.token();
        }
        JsonWebToken token = super.parse(bearerToken);
        remember(bearerToken, token, now);
        return token;
    }

    private void remember(String bearerToken, JsonWebToken token, long now) {
        long usableUntil = Math.min(token.getExpirationTime(), now + REMEMBERED_FOR.toSeconds());
        if (usableUntil <= now) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(entry -> entry.usableUntil() <= now);
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(bearerToken, new Verified(token, usableUntil));
    }
}
