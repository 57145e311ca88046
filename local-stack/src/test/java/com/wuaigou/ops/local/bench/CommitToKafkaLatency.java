package com.wuaigou.ops.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commit-to-Kafka latency at a steady offered rate: a fixed-rate schedule posts work logs, and for each 201 answer
 * (the commit happened before it) the time until a consumer tailing {@code ops.quota.worklogs} sees that log's event.
 * Requests in flight are capped, so a service slower than the rate sees the cap's worth of load, not an ever-growing
 * queue; ticks that find the cap full are counted as skipped.
 */
final class CommitToKafkaLatency {

    static final String TOPIC = "ops.quota.worklogs";
    private static final int MAX_IN_FLIGHT = 64;
    private static final Duration SETTLE = Duration.ofSeconds(15);

    /** What one run saw; latencies in milliseconds. */
    record Result(int offeredPerSecond, double acknowledgedPerSecond, long skipped, long failed, int acknowledged,
                  int measured, double p50, double p99, double sendP50, double sendP99, double deliveryP50,
                  double deliveryP99) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> seenAt = new ConcurrentHashMap<>();
    /** Wall-clock milliseconds, comparable across processes: the answer, the relay's send (the record's timestamp), the read. */
    private final Map<Long, Long> answeredAtMillis = new ConcurrentHashMap<>();
    private final Map<Long, long[]> sentAndSeenMillis = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final String baseUrl;
    private final String bootstrapServers;
    private final LogRequests requests;
    private final YearMonth month;
    private volatile boolean consuming = true;
    private volatile long measureFrom;
    private volatile long measureUntil;

    CommitToKafkaLatency(String baseUrl, String bootstrapServers, LogRequests requests, YearMonth month) {
        this.baseUrl = baseUrl;
        this.bootstrapServers = bootstrapServers;
        this.requests = requests;
        this.month = month;
    }

    /** Offers {@code perSecond} logs for {@code warmUp} (not measured), then for {@code measured}. */
    Result run(int perSecond, Duration warmUp, Duration measured) throws Exception {
        KafkaConsumer<String, String> consumer = tailingConsumer();
        Thread tail = new Thread(() -> tail(consumer), "worklog-tail");
        tail.start();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        try {
            long start = System.nanoTime();
            measureFrom = start + warmUp.toNanos();
            measureUntil = measureFrom + measured.toNanos();
            schedule.scheduleAtFixedRate(this::post, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
            TimeUnit.NANOSECONDS.sleep(measureUntil - System.nanoTime());
            schedule.shutdownNow();
            inFlight.tryAcquire(MAX_IN_FLIGHT, SETTLE.toSeconds(), TimeUnit.SECONDS);
            long settleUntil = System.nanoTime() + SETTLE.toNanos();
            while (!seenAt.keySet().containsAll(answeredAt.keySet()) && System.nanoTime() < settleUntil) {
                Thread.sleep(100);
            }
        } finally {
            schedule.shutdownNow();
            consuming = false;
            tail.join(5_000);
        }
        List<Double> latencies = new ArrayList<>();
        answeredAt.forEach((logId, answered) -> {
            Long seen = seenAt.get(logId);
            if (seen != null) {
                // An event read before the client had parsed the answer counts as no delay at all.
                latencies.add(Math.max(0, seen - answered) / 1e6);
            }
        });
        Collections.sort(latencies);
        List<Double> toSend = new ArrayList<>();
        List<Double> toRead = new ArrayList<>();
        answeredAtMillis.forEach((logId, answered) -> {
            long[] sentAndSeen = sentAndSeenMillis.get(logId);
            if (sentAndSeen != null) {
                toSend.add((double) Math.max(0, sentAndSeen[0] - answered));
                toRead.add((double) Math.max(0, sentAndSeen[1] - sentAndSeen[0]));
            }
        });
        Collections.sort(toSend);
        Collections.sort(toRead);
        return new Result(perSecond, answeredAt.size() / (measured.toNanos() / 1e9), skipped.get(), failed.get(),
                answeredAt.size(), latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
                percentile(toSend, 50), percentile(toSend, 99), percentile(toRead, 50), percentile(toRead, 99));
    }

    /** One tick of the schedule: a log if fewer than the cap are in flight. */
    private void post() {
        if (!inFlight.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        long sentAt = System.nanoTime();
        HttpRequest request = requests.request(month, sent.getAndIncrement()).post(baseUrl, "latency-" + sentAt);
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long answered = System.nanoTime();
            long answeredMillis = System.currentTimeMillis();
            inFlight.release();
            if (response == null || response.statusCode() != 201) {
                failed.incrementAndGet();
            } else if (sentAt >= measureFrom && sentAt < measureUntil) {
                long logId = logId(response.body());
                answeredAt.put(logId, answered);
                answeredAtMillis.put(logId, answeredMillis);
            }
        });
    }

    private long logId(String body) {
        try {
            return json.readTree(body).path("id").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer " + body, e);
        }
    }

    /** A consumer on every partition of the topic, from its end, that waits at most 5 ms for data in a fetch. */
    private KafkaConsumer<String, String> tailingConsumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5));
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private void tail(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (consuming) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    long nowMillis = System.currentTimeMillis();
                    try {
                        long logId = json.readTree(record.value()).path("data").path("logId").asLong();
                        seenAt.putIfAbsent(logId, now);
                        sentAndSeenMillis.putIfAbsent(logId, new long[]{record.timestamp(), nowMillis});
                    } catch (IOException e) {
                        throw new IllegalStateException("Unreadable event on " + TOPIC + ": " + record.value(), e);
                    }
                }
            }
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }
}
