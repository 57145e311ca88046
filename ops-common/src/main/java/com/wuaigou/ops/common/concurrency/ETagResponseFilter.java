package com.wuaigou.ops.common.concurrency;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Tags every successful answer whose body is a {@link VersionedView} with its ETag, unless the resource tagged it. */
public class ETagResponseFilter {

    @ServerResponseFilter
    public void tag(ContainerResponseContext response) {
        if (response.getEntity() instanceof VersionedView view
                && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL
                && !response.getHeaders().containsKey(ETags.HEADER)) {
            response.getHeaders().putSingle(ETags.HEADER, ETags.of(view.version()));
        }
    }
}
