package com.wuaigou.ops.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Whose bearer tokens a service trusts: the {@code mp.jwt.verify.*} settings SmallRye JWT reads. The key's location and
 * the issuer are required, so a packaged service (profile prod) that was not told its issuer's key refuses to start,
 * naming the missing setting, instead of trusting a key that ships with the code; the dev and test profiles name the
 * development key themselves. Every {@code mp.jwt.verify} setting is declared, since a mapping refuses unknown ones.
 */
@ConfigMapping(prefix = "mp.jwt.verify")
public interface TokenVerificationConfig {

    /** The issuer's public key: a PEM file, a URL, or the issuer's JWKS URL (env MP_JWT_VERIFY_PUBLICKEY_LOCATION). */
    @WithName("publickey.location")
    String publicKeyLocation();

    /** The {@code iss} every token must carry (env MP_JWT_VERIFY_ISSUER). */
    String issuer();

    /** One of these must be in a token's {@code aud} (env MP_JWT_VERIFY_AUDIENCES). */
    Optional<List<String>> audiences();

    /** The signature algorithm tokens must use; SmallRye JWT's default is RS256. */
    @WithName("publickey.algorithm")
    Optional<String> publicKeyAlgorithm();

    /** The key itself instead of its location; not used by the department, which names a location. */
    @WithName("publickey")
    Optional<String> publicKey();

    /** Leeway in seconds for the token's time claims; SmallRye JWT's default is 60. */
    @WithName("clock.skew")
    OptionalInt clockSkew();

    /** Oldest {@code iat} accepted, in seconds; no limit unless set. */
    @WithName("token.age")
    OptionalLong tokenAge();
}
