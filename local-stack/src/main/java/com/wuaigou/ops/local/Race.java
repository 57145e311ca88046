package com.wuaigou.ops.local;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Two requests released at the same moment by a barrier, as two clients racing for the same thing. */
public final class Race {

    private Race() {
    }

    /** Both answers, the lower status first. */
    public static List<Response> of(Supplier<Response> first, Supplier<Response> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (Supplier<Response> request : List.of(first, second)) {
                answers.add(racers.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            responses.sort(Comparator.comparingInt(Response::statusCode));
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while racing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("A racing request failed", e);
        } finally {
            racers.shutdownNow();
        }
    }

    /** The same request twice at once. */
    public static List<Response> twice(Supplier<Response> request) {
        return of(request, request);
    }
}
