package com.wuaigou.ops.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.concurrency.VersionedView;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Optional;

/**
 * Answers a request to an {@link Idempotent} method once per caller and key. In one transaction, which the services'
 * own {@code @Transactional} methods join: the key is claimed first (a concurrent retry waits on the claim until this
 * transaction ends), the method runs, and its answer (status, {@code Location}, {@code ETag}, the body rendered once to
 * JSON) is stored in one more statement, then sent with {@code Idempotent-Replayed: false}. A key already answered
 * replays the stored answer with {@code Idempotent-Replayed: true}, or, for another request, refuses with 422
 * {@code idempotency-key-reused}. A refusal (an exception or a 4xx answer) rolls the transaction back, the claim with
 * it, so a retry runs again. Runs after the input was validated, so a malformed request never reaches the database.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {

    @Inject
    IdempotentRequest request;

    @Inject
    IdempotencyLedger ledger;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper objectMapper;

    @AroundInvoke
    Object answerOnce(InvocationContext invocation) throws Exception {
        Optional<IdempotentRequest.Claim> claim = request.claim();
        if (claim.isEmpty()) {
            return invocation.proceed();
        }
        if (invocation.getMethod().getReturnType() != Response.class) {
            throw new IllegalStateException("@Idempotent " + invocation.getMethod() + " must return a Response");
        }
        return QuarkusTransaction.joiningExisting().call(() -> answer(claim.get(), invocation));
    }

    private Response answer(IdempotentRequest.Claim claim, InvocationContext invocation) throws Exception {
        String caller = token.getSubject();
        if (!ledger.claim(caller, claim)) {
            return replay(claim, ledger.stored(caller, claim.key()));
        }
        Response first = (Response) invocation.proceed();
        if (first.getStatus() >= 400) {
            QuarkusTransaction.setRollbackOnly();
            return first;
        }
        String etag = first.getHeaderString(HttpHeaders.ETAG);
        Response.ResponseBuilder answer = Response.fromResponse(first).header(Idempotent.REPLAYED, "false");
        // Rendered to text below, the body no longer shows the ETag response filter what it is: tagged here instead.
        if (etag == null && first.getEntity() instanceof VersionedView view) {
            etag = ETags.of(view.version()).toString();
            answer.header(HttpHeaders.ETAG, etag);
        }
        String body = first.hasEntity() ? json(first.getEntity()) : "";
        ledger.store(caller, claim.key(), first.getStatus(), first.getHeaderString(HttpHeaders.LOCATION), etag, body);
        if (first.hasEntity()) {
            answer.entity(body).type(first.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : first.getMediaType());
        }
        return answer.build();
    }

    private static Response replay(IdempotentRequest.Claim claim, IdempotencyLedger.StoredAnswer stored) {
        if (!stored.operation().equals(claim.operation()) || !stored.requestHash().equals(claim.requestHash())) {
            throw ProblemException.ruleViolation("idempotency-key-reused", "Idempotency-Key " + claim.key()
                    + " was used for a different request; send a new key for a new request",
                    List.of(new Problem.FieldError(Idempotent.HEADER, "was used for a different request")));
        }
        Response.ResponseBuilder answer = Response.status(stored.status()).header(Idempotent.REPLAYED, "true");
        if (stored.location() != null) {
            answer.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            answer.header(HttpHeaders.ETAG, stored.etag());
        }
        if (!stored.body().isEmpty()) {
            answer.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    private String json(Object entity) {
        if (entity instanceof String text) {
            return text;
        }
        try {
            return objectMapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the answer " + entity.getClass().getSimpleName(), e);
        }
    }
}
