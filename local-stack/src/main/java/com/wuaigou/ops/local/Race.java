package com.wuaigou.ops.local;

import io.restassured.response.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

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

/**
 * Two requests released at the same moment by a barrier, as two clients racing for the same thing; or held at a table
 * lock until both wait there, so that both reach the same statement together whatever the machine's speed.
 */
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
            return lowerStatusFirst(answers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while racing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("A racing request failed", e);
        } finally {
            racers.shutdownNow();
        }
    }

    private static List<Response> lowerStatusFirst(List<Future<Response>> answers)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get(60, TimeUnit.SECONDS));
        }
        responses.sort(Comparator.comparingInt(Response::statusCode));
        return responses;
    }

    /** The same request twice at once. */
    public static List<Response> twice(Supplier<Response> request) {
        return of(request, request);
    }

    /**
     * The same request twice, both held at their first write to {@code table} of the service's database: a lock taken
     * here first makes both wait, and is released once both do. Both answers, the lower status first.
     */
    public static List<Response> twiceHeldAtTheLockOf(String table, Supplier<Response> request) {
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try (Connection holder = IdempotencyContract.connection(); Connection watcher = IdempotencyContract.connection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("lock table \"" + table + "\" in exclusive mode");
            }
            List<Future<Response>> answers = List.of(racers.submit(request::get), racers.submit(request::get));
            awaitWaiters(watcher, table, 2);
            holder.commit();
            return lowerStatusFirst(answers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while racing", e);
        } catch (SQLException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("A racing request failed", e);
        } finally {
            racers.shutdownNow();
        }
    }

    /** Until {@code count} sessions wait for a lock on the table. */
    private static void awaitWaiters(Connection watcher, String table, int count) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (PreparedStatement waiting = watcher.prepareStatement(
                "select count(*) from pg_locks where relation = ?::regclass and not granted")) {
            waiting.setString(1, table);
            while (true) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= count) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The requests never waited for the lock on " + table);
                }
                Thread.sleep(10);
            }
        }
    }
}
