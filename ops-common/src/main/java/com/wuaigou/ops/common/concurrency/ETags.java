package com.wuaigou.ops.common.concurrency;

import jakarta.ws.rs.core.EntityTag;

/**
 * The ETag of a versioned resource: its version as a strong entity tag, {@code "3"}. The version moves with every
 * change, so the tag identifies what the client read and {@code If-Match} can name it back.
 */
public final class ETags {

    /** The header's name. */
    public static final String HEADER = "ETag";

    /** The OpenAPI description of the {@code ETag} answer header. */
    public static final String DESCRIPTION = "The resource's version as a strong entity tag, for example \"3\"; send it"
            + " back in If-Match to change the resource";

    /** The OpenAPI description of a required {@code If-Match} request header. */
    public static final String IF_MATCH = "The ETag of the resource as last read (or *). Required: without it the"
            + " change is refused with 428, and with a stale one with 412; weak tags never match";

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }
}
