package com.wuaigou.ops.common.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.JwtClaims;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs in-process work (the demo loaders) as a staff member with a role, in a request context of its own, so that
 * {@link Caller} sees that person and the work passes the same row-level rules as their requests would. No token is
 * signed or accepted: only code inside the service can act this way.
 */
@ApplicationScoped
public class ActingAs {

    private final CurrentIdentityAssociation identities;

    ActingAs(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public <T> T call(long staffId, String role, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            // Inside a request the caller is already someone; switching them would mislead that request's checks.
            throw new IllegalStateException("ActingAs runs work outside requests only");
        }
        requestContext.activate();
        try {
            identities.setIdentity(identity(staffId, role));
            return work.get();
        } finally {
            requestContext.terminate();
        }
    }

    public void run(long staffId, String role, Runnable work) {
        call(staffId, role, () -> {
            work.run();
            return null;
        });
    }

    private static QuarkusSecurityIdentity identity(long staffId, String role) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(Long.toString(staffId));
        claims.setStringListClaim("groups", List.of(role));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRole(role)
                .build();
    }
}
