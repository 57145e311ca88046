package com.wuaigou.ops.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.wuaigou.ops.common.problem.ProblemException;

/** Who is calling: the staff id in the token's subject and the roles in its groups. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller's staff id, from the token's subject. */
    public long staffId() {
        String subject = token.getSubject();
        try {
            return Long.parseLong(subject);
        } catch (NumberFormatException | NullPointerException e) {
            throw ProblemException.forbidden("The token's subject is not a staff id");
        }
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Directors and admins may act on every group. */
    public boolean isDepartmentWide() {
        return is(Roles.DIRECTOR) || is(Roles.ADMIN);
    }

    /** Whether the caller only reads analytics and may change nothing. */
    public boolean isReadOnly() {
        return is(Roles.BI) && !isDepartmentWide() && !is(Roles.MANAGER) && !is(Roles.STAFF);
    }
}
