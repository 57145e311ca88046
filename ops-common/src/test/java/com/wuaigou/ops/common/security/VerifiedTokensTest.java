package com.wuaigou.ops.common.security;

import com.wuaigou.ops.local.DevTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    /** A clock the test moves; tokens are minted against the real one, so it starts now. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final VerifiedTokens tokens = new VerifiedTokens(devIssuer(), clock);

    private static JWTAuthContextInfo devIssuer() {
        try {
            JWTAuthContextInfo settings = new JWTAuthContextInfo(KeyUtils.decodePublicKey(DevTokens.publicKeyPem()),
                    DevTokens.ISSUER);
            settings.setExpectedAudience(Set.of(DevTokens.AUDIENCE));
            return settings;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldTakeATokenVerifiedBeforeWithoutCheckingItAgain() throws ParseException {
        String bearer = DevTokens.mint(7, Duration.ofHours(1), "staff");

        JsonWebToken first = tokens.parse(bearer);
        JsonWebToken second = tokens.parse(bearer);

        assertThat(first.getSubject()).isEqualTo("7");
        assertThat(second).isSameAs(first);
    }

    @Test
    void shouldVerifyARememberedTokenAgainOnceItsTimeIsUp() throws ParseException {
        String bearer = DevTokens.mint(7, Duration.ofHours(1), "staff");
        JsonWebToken first = tokens.parse(bearer);

        clock.advance(VerifiedTokens.REMEMBERED_FOR);

        assertThat(tokens.parse(bearer)).isNotSameAs(first);
    }

    @Test
    void shouldNotTakeARememberedTokenAfterItExpired() throws ParseException {
        String bearer = DevTokens.mint(7, Duration.ofMinutes(2), "staff");
        JsonWebToken first = tokens.parse(bearer);

        // A second more, since the token was minted a moment after the test clock was read.
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        // Past its expiry the token is checked again; the real clock has not moved, so it passes as a new entry.
        assertThat(tokens.parse(bearer)).isNotSameAs(first);
    }

    @Test
    void shouldRefuseATamperedCopyOfARememberedToken() throws ParseException {
        String bearer = DevTokens.mint(7, Duration.ofHours(1), "staff");
        tokens.parse(bearer);
        String[] parts = bearer.split("\\.");
        String tampered = parts[0] + "." + DevTokens.mint(1, Duration.ofHours(1), "admin").split("\\.")[1] + "." + parts[2];

        assertThatThrownBy(() -> tokens.parse(tampered)).isInstanceOf(ParseException.class);
    }
}
