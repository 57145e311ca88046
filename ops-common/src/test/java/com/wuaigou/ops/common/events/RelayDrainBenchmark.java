package com.wuaigou.ops.common.events;

import com.wuaigou.ops.local.KafkaBroker;
import com.wuaigou.ops.local.PostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How fast one relay drains a backlog: commits N pending outbox rows (worklog-sized envelopes over 38 keys) and times
 * relay passes, as the running service makes them, until none is left; then again, three more times. Starts its own
 * PostgreSQL and Kafka.
 * Arguments: pending rows (default 20000), batch size (default 1000). Run as described in docs/benchmarks.md.
 */
public final class RelayDrainBenchmark {

    private static final String TOPIC = "ops.bench.drain";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    /** Timed drains after the first, which also warms the JVM up as a service's relay is after running a while. */
    private static final int ROUNDS = 3;
    private static final String ENVELOPE = """
            {"specversion":"1.0","id":"%s","source":"/ops/quota-service","type":"ops.quota.worklog.recorded.v1",\
            "subject":"staff/%s","time":"2026-11-26T22:12:05.979421573Z","datacontenttype":"application/json",\
            "data":{"logId":%s,"staffId":%s,"itemCode":"CS-MERCHANT-CALL","itemGroupCode":"CS","groupCode":"CS",\
            "workDate":"2026-11-26","quantity":12,"minutes":60,"slot":null,"crew":[%s],"note":"called the market",\
            "unplanned":false,"revision":0,"actorId":%s,"reason":null}}""";

    private RelayDrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        CompletableFuture<KafkaBroker> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return KafkaBroker.start(Files.createTempDirectory("relay-drain-kafka"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (PostgresServer postgres = PostgresServer.startForTests(); KafkaBroker kafka = starting.join();
             KafkaProducer<String, String> producer = new KafkaProducer<>(
                     OutboxRelay.producerProperties(Map.copyOf(kafka.clientProperties()), SEND_TIMEOUT))) {
            OutboxTable outbox = OutboxTable.create(postgres, "relay_drain");
            RelayPass pass = new RelayPass(producer, batchSize, SEND_TIMEOUT);
            for (int round = 0; round <= ROUNDS; round++) {
                commitPending(outbox, rows);
                long began = System.nanoTime();
                int drained = drain(outbox, pass);
                double seconds = (System.nanoTime() - began) / 1e9;
                System.out.printf("[relay-drain] %s: %d rows in %.2f s, %.0f events/s (batch size %d)%n",
                        round == 0 ? "cold JVM" : "round " + round, drained, seconds, drained / seconds, batchSize);
            }
        }
    }

    private static void commitPending(OutboxTable outbox, int rows) throws SQLException {
        outbox.query("""
                insert into outbox_event (id, topic, message_key, event_type, envelope, created_at)
                select id, '%s', (n %% 38)::text, 'ops.quota.worklog.recorded.v1',
                       format('%s', id, n %% 38, n, n %% 38, n %% 38, n %% 38), now()
                from (select gen_random_uuid() id, n from generate_series(1, %d) n) pending
                order by n""".formatted(TOPIC, ENVELOPE.replace("'", "''"), rows));
        outbox.query("vacuum analyze outbox_event");
    }

    private static int drain(OutboxTable outbox, RelayPass pass) throws SQLException {
        int drained = 0;
        try (Connection connection = outbox.connect()) {
            while (true) {
                RelayPass.Result result = pass.run(connection);
                connection.commit();
                if (result.failure() != null) {
                    throw new IllegalStateException("Relay pass failed: " + result.failure());
                }
                if (result.published() == 0) {
                    return drained;
                }
                drained += result.published();
            }
        }
    }
}
