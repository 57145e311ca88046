package com.wuaigou.ops.local.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a month with an exact number of logs through the API, so the service keeps its derived totals as it does for
 * real work: {@code connections} clients each post the next log as soon as the last one is answered.
 */
final class MonthFill {

    /** Logs recorded, other answers and failed connections, and how long it took. */
    record Result(long recorded, long non2xx, long errors, double seconds) {
        double perSecond() {
            return recorded / seconds;
        }

        @Override
        public String toString() {
            return "%,d logs in %.0f s (%.0f logs/s; non-2xx %d, connection errors %d)"
                    .formatted(recorded, seconds, perSecond(), non2xx, errors);
        }
    }

    private MonthFill() {
    }

    static Result run(String baseUrl, LogRequests requests, YearMonth month, int logs, int connections, Duration limit)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // A client takes one unit before it posts and gives it back when the log is refused: exactly `logs` recorded.
        AtomicLong unrecorded = new AtomicLong(logs);
        AtomicLong next = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        for (int i = 0; i < connections; i++) {
            clients.execute(() -> {
                while (System.nanoTime() < deadline && unrecorded.getAndDecrement() > 0) {
                    long n = next.getAndIncrement();
                    try {
                        int status = http.send(requests.request(month, n).post(baseUrl, "fill-" + month + "-" + n),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status / 100 != 2) {
                            non2xx.incrementAndGet();
                            unrecorded.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        unrecorded.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(limit.toSeconds() + 60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
        return new Result(logs - Math.max(0, unrecorded.get()), non2xx.get(), errors.get(), (System.nanoTime() - start) / 1e9);
    }
}
