package com.wuaigou.ops.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/** Answers requests that match no route at all with a 404 problem, like every other error. */
@ApplicationScoped
public class UnmatchedRouteHandler {

    private final ObjectMapper objectMapper;

    UnmatchedRouteHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    void register(@Observes Router router) {
        router.route().last().handler(ctx -> {
            Problem problem = new Problem(Problem.TYPE_BASE + "not-found", "Not Found", 404,
                    "No resource at this address", ctx.normalizedPath(), List.of());
            ctx.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json(problem));
        });
    }

    private String json(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
