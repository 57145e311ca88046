package com.wuaigou.ops.local.bench;

import com.wuaigou.ops.local.LocalStack;
import com.wuaigou.ops.local.LocalSystem;
import com.wuaigou.ops.local.LocalSystem.Service;
import com.wuaigou.ops.local.PostgresServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: one run of the write-path benchmark, started by {@code bench/write-path.sh} (see docs/benchmarks.md).
 * It starts the whole system (a {@link LocalSystem} on free ports with fresh data in
 * {@code local-stack/target/bench-write-path/}), then measures on the same PostgreSQL:
 * (a) pgbench with the reference transaction, (b) POST /work-logs into an empty month and into one holding 50,000
 * logs, (c) the outbox relay draining 20,000 rows, (d) commit-to-Kafka latency at a steady 500 logs/s; and prints
 * one table with the machine's load during each part. Missed aims are reported, not failed.
 *
 * <p>Properties: bench.reference (the pgbench script, default ../shared/bench/worklog-reference.sql from the
 * checkout), bench.seconds (30, the length of (a) and (b)), bench.fill (50000 logs).
 */
public final class WritePathBenchmark {

    /** Past months (today is later, Asia/Shanghai) after the last demo hire in May 2025. */
    private static final YearMonth EMPTY_MONTH = YearMonth.of(2025, 9);
    private static final YearMonth FULL_MONTH = YearMonth.of(2025, 10);
    private static final YearMonth OTHER_MONTH = YearMonth.of(2025, 11);
    private static final int CLIENTS = 8;
    private static final int WRK_THREADS = 2;
    /** More connections than the service's 20 database connections, so the fill keeps every one busy. */
    private static final int FILL_CONNECTIONS = 32;
    private static final int RELAY_ROWS = 20_000;
    private static final int LATENCY_RATE = 500;
    private static final int REQUEST_LINES = 10_000;
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(3);
    private static final String RECORDED = "ops.quota.worklog.recorded.v1";
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(15);
    private static final int WARM_UP_ROUNDS = 12;
    private static final double SETTLED_JIT_SHARE = 0.05;

    private final LocalSystem system;
    private final Path root;
    private final Path work;
    private final Path reference;
    private final Duration runLength = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private final int fillLogs = Integer.getInteger("bench.fill", 50_000);
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private WritePathBenchmark(LocalSystem system, Path root, Path work, Path reference) {
        this.system = system;
        this.root = root;
        this.work = work;
        this.reference = reference;
    }

    public static void main(String[] args) throws Exception {
        Path root = LocalStack.projectRoot();
        Path reference = Path.of(System.getProperty("bench.reference",
                root.resolve("../shared/bench/worklog-reference.sql").toString())).toAbsolutePath().normalize();
        if (!Files.exists(reference) || !Files.exists(setupOf(reference))) {
            throw new IllegalStateException("The pgbench reference " + reference + " or its setup script is missing");
        }
        Path work = root.resolve("local-stack/target/bench-write-path");
        LocalSystem system = new LocalSystem(root, work, LocalSystem.Ports.free());
        system.deleteData();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Tools.stopRunning();
            system.close();
        }, "bench-stop"));
        long begin = System.nanoTime();
        try {
            system.start();
            new WritePathBenchmark(system, root, work, reference).run();
        } finally {
            system.close();
        }
        System.out.printf("Benchmark ran %.1f minutes (system start included).%n", (System.nanoTime() - begin) / 6e10);
    }

    private void run() throws Exception {
        try (Connection quota = connect("quota")) {
            awaitRosterCopy(quota);
            LogRequests requests = LogRequests.load(quota);
            String quotaUrl = "http://127.0.0.1:" + URI.create(system.url(Service.QUOTA)).getPort();
            say("Logging as %d demo staff members; service logs in %s", requests.people(), work.resolve("logs"));

            Measured<Double> reference = measure(this::pgbench);
            say("(a) pgbench: %.0f transactions/s", reference.value());

            warmUp(quotaUrl, requests.writeFile(work, OTHER_MONTH, REQUEST_LINES));
            Measured<MonthFill.Result> fill = measure(() -> MonthFill.run(quotaUrl, requests, FULL_MONTH, fillLogs,
                    FILL_CONNECTIONS, Duration.ofMinutes(15)));
            long inFullMonth = logsIn(quota, FULL_MONTH);
            say("Filled %s: %s; the month holds %d logs", FULL_MONTH, fill.value(), inFullMonth);
            awaitOutboxDrained(quota);
            vacuum(quota);

            Measured<WrkResult> empty = measure(() -> wrk(quotaUrl, "empty",
                    requests.writeFile(work, EMPTY_MONTH, REQUEST_LINES), runLength));
            say("(b) empty month: %s", empty.value());
            awaitOutboxDrained(quota);

            Measured<WrkResult> full = measure(() -> wrk(quotaUrl, "full",
                    requests.writeFile(work, FULL_MONTH, REQUEST_LINES), runLength));
            say("(b) month of %d logs: %s", inFullMonth, full.value());

            Measured<Double> relay = measure(() -> relayDrain(quota, quotaUrl, requests));
            say("(c) relay: %.0f events/s", relay.value());

            awaitOutboxDrained(quota);
            Measured<CommitToKafkaLatency.Result> latency = measure(() -> new CommitToKafkaLatency(quotaUrl,
                    system.kafka().bootstrapServers(), requests, OTHER_MONTH)
                    .run(LATENCY_RATE, Duration.ofSeconds(5), Duration.ofSeconds(20)));

            table(reference, empty, fill, inFullMonth, full, relay, latency);
        }
    }

    /**
     * Loads the service until its JIT compiler has little left to do, so that no (b) run pays for compiling: rounds of
     * {@link #WARM_UP_ROUND} until the compiler threads used less than {@link #SETTLED_JIT_SHARE} of the service's CPU
     * in a round, at most {@link #WARM_UP_ROUNDS}. On two busy cores the compiler gets little CPU and a fixed 30 s left
     * it compiling through both (b) runs, a fifth to a third of the service's CPU. The fill that follows adds more.
     */
    private void warmUp(String quotaUrl, Path requestFile) throws Exception {
        double jitShare = 1;
        int round = 0;
        while (round < WARM_UP_ROUNDS && jitShare >= SETTLED_JIT_SHARE) {
            round++;
            MachineLoad load = MachineLoad.start(List.of(system.process(Service.QUOTA).pid()));
            wrk(quotaUrl, "warm-up-" + round, requestFile, WARM_UP_ROUND);
            MachineLoad.Seen seen = load.stop();
            jitShare = seen.jitMillis() / Math.max(1, seen.treeMillis().get(0));
        }
        say("Warmed up in %d rounds of %d s: the JIT compiler used %.0f%% of quota-service's CPU in the last",
                round, WARM_UP_ROUND.toSeconds(), 100 * jitShare);
        notes.add("warm-up: %d rounds of %d s (until the JIT compiler used under %.0f%% of quota-service's CPU, at most %d)"
                .formatted(round, WARM_UP_ROUND.toSeconds(), 100 * SETTLED_JIT_SHARE, WARM_UP_ROUNDS)
                + "; in the last %.0f%%".formatted(100 * jitShare));
    }

    /** (a): the reference transaction in a scratch database of the services' PostgreSQL, dropped afterwards. */
    private double pgbench() throws Exception {
        String database = "bench_reference";
        String port = Integer.toString(system.postgres().port());
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database);
            sql.execute("create database " + database);
            try {
                Tools.run(work.resolve("psql.log"), Duration.ofMinutes(1), List.of("psql", "-h", "127.0.0.1", "-p", port,
                        "-U", PostgresServer.USER, "-d", database, "-q", "-v", "ON_ERROR_STOP=1", "-f", setupOf(reference).toString()));
                String out = Tools.run(work.resolve("pgbench.log"), runLength.plusMinutes(1), List.of("pgbench", "-h",
                        "127.0.0.1", "-p", port, "-U", PostgresServer.USER, "-n", "-c", Integer.toString(CLIENTS), "-j",
                        Integer.toString(WRK_THREADS), "-T", Long.toString(runLength.toSeconds()), "-f", reference.toString(),
                        database));
                return Double.parseDouble(find(out, "tps = ([0-9.]+) \\(without initial connection time\\)"));
            } finally {
                sql.execute("drop database if exists " + database);
            }
        }
    }

    /** What wrk's script reports: 2xx answers, the others by status, socket errors, the run's length. */
    record WrkResult(long ok, long non2xx, String statuses, long socketErrors, double seconds, double p50, double p99) {
        double perSecond() {
            return ok / seconds;
        }

        @Override
        public String toString() {
            return "%.0f logs/s (%d 2xx in %.1f s; non-2xx %d%s; socket errors %d; latency p50 %.0f ms, p99 %.0f ms)"
                    .formatted(perSecond(), ok, seconds, non2xx, statuses.isEmpty() ? "" : " " + statuses, socketErrors,
                    p50, p99);
        }
    }

    /** (b): wrk with bench/worklog-post.lua, 8 connections, for {@code length}. */
    private WrkResult wrk(String url, String tag, Path requestFile, Duration length) throws Exception {
        String out = Tools.run(work.resolve("wrk-" + tag + ".log"), length.plusMinutes(1), List.of("wrk", "-t",
                Integer.toString(WRK_THREADS), "-c", Integer.toString(CLIENTS), "-d", length.toSeconds() + "s",
                "--timeout", "30s", "-s", root.resolve("bench/worklog-post.lua").toString(), url, "--",
                requestFile.toString(), tag + "-" + System.currentTimeMillis(), Integer.toString(WRK_THREADS)));
        Matcher line = Pattern.compile("worklog-post ok=(\\d+) non2xx=(\\d+) statuses=(\\S*) socket_errors=(\\d+)"
                + " seconds=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+)").matcher(out);
        if (!line.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + out);
        }
        return new WrkResult(Long.parseLong(line.group(1)), Long.parseLong(line.group(2)), line.group(3),
                Long.parseLong(line.group(4)), Double.parseDouble(line.group(5)), Double.parseDouble(line.group(6)),
                Double.parseDouble(line.group(7)));
    }

    /**
     * (c): copies of the latest 20,000 work-log events (fresh event ids, so they are valid, distinct envelopes) go into
     * the outbox in one transaction; then one logged work wakes the relay at once, as any commit does, so the idle poll
     * is not timed. The clock runs from the commit until no row is pending, polled every 50 ms.
     */
    private double relayDrain(Connection quota, String url, LogRequests requests) throws Exception {
        awaitOutboxDrained(quota);
        long recorded = count(quota, "select count(*) from outbox_event where event_type = '" + RECORDED + "'");
        if (recorded == 0) {
            throw new IllegalStateException("No work-log event in the outbox to copy");
        }
        quota.setAutoCommit(false);
        try (PreparedStatement copy = quota.prepareStatement("""
                insert into outbox_event (id, topic, message_key, event_type, envelope, created_at)
                select fresh_id, topic, message_key, event_type, replace(envelope, id::text, fresh_id::text), now()
                from (select gen_random_uuid() as fresh_id, latest.*
                      from (select * from outbox_event where event_type = ? order by seq desc limit ?) latest
                      cross join generate_series(1, ?) as copy
                      limit ?) copies""")) {
            copy.setString(1, RECORDED);
            copy.setInt(2, RELAY_ROWS);
            copy.setLong(3, (RELAY_ROWS + recorded - 1) / recorded);
            copy.setInt(4, RELAY_ROWS);
            copy.executeUpdate();
            quota.commit();
        } finally {
            quota.setAutoCommit(true);
        }
        long start = System.nanoTime();
        int status = HttpClient.newHttpClient().send(requests.request(OTHER_MONTH, 0).post(url, "relay-wake-" + start),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 201) {
            throw new IllegalStateException("The log that wakes the relay got " + status);
        }
        long deadline = start + WAIT_LIMIT.toNanos();
        long pending;
        while ((pending = pending(quota)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (pending > 0) {
            notes.add("(c) the relay had %d of %d rows left after %s".formatted(pending, RELAY_ROWS, WAIT_LIMIT));
        }
        return (RELAY_ROWS - pending) / seconds;
    }

    /** The quota-service's copy of the roster comes over Kafka after start: wait until it holds every demo person. */
    private void awaitRosterCopy(Connection quota) throws Exception {
        long demoStaff;
        try (Connection personnel = connect("personnel")) {
            demoStaff = count(personnel, "select count(*) from staff where demo");
        }
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        while (count(quota, "select count(*) from roster_staff where employee_number like 'DEMO-%'") < demoStaff) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("quota-service's roster copy lacks demo staff after " + WAIT_LIMIT);
            }
            Thread.sleep(500);
        }
    }

    /** Waits until the relay has published everything, so one part's backlog does not weigh on the next. */
    private void awaitOutboxDrained(Connection quota) throws Exception {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        while (pending(quota) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The outbox still has " + pending(quota) + " rows pending after " + WAIT_LIMIT);
            }
            Thread.sleep(200);
        }
    }

    /**
     * Cleans up after the fill as autovacuum would, before anything is timed: the fill leaves every totals row it
     * updated with tens of thousands of dead versions, and autovacuum working through them would share the two cores
     * with whichever (b) run it happened to overlap. Neither run then measures the fill's aftermath.
     */
    private void vacuum(Connection quota) throws SQLException {
        long start = System.nanoTime();
        try (Statement sql = quota.createStatement()) {
            sql.execute("vacuum (analyze)");
        }
        say("Vacuumed the quota database after the fill in %.1f s", (System.nanoTime() - start) / 1e9);
    }

    private static long pending(Connection quota) throws SQLException {
        return count(quota, "select count(*) from outbox_event where published_at is null");
    }

    private static long logsIn(Connection quota, YearMonth month) throws SQLException {
        return count(quota, "select count(*) from work_log where work_date between '%s' and '%s'"
                .formatted(month.atDay(1), month.atEndOfMonth()));
    }

    private static long count(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(system.postgres().jdbcUrl(database), PostgresServer.USER, "");
    }

    /** A part's figure with the machine's load while it ran. */
    record Measured<T>(T value, MachineLoad.Seen load) {
    }

    private <T> Measured<T> measure(Callable<T> part) throws Exception {
        MachineLoad load = MachineLoad.start(List.of(system.process(Service.QUOTA).pid(), postmasterPid()));
        T value = part.call();
        return new Measured<>(value, load.stop());
    }

    /** PostgreSQL's server process, whose children are the backends: the first line of its pid file. */
    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(work.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    /**
     * What one transaction cost in CPU: quota-service's JVM, PostgreSQL (server and backends), and everything else on
     * the machine (the load generator, Kafka, the other services, the benchmark itself).
     */
    private static String cpuPerTransaction(MachineLoad.Seen seen, double transactions) {
        double service = seen.treeMillis().get(0);
        double postgres = seen.treeMillis().get(1);
        double rest = Math.max(0, seen.busyMillis() - service - postgres);
        return "quota-service %.2f ms (its JIT compiler %.2f ms), PostgreSQL %.2f ms, the rest %.2f ms".formatted(
                service / transactions, seen.jitMillis() / transactions, postgres / transactions, rest / transactions);
    }

    private void table(Measured<Double> reference, Measured<WrkResult> empty, Measured<MonthFill.Result> fill, long inFullMonth,
                       Measured<WrkResult> full, Measured<Double> relay, Measured<CommitToKafkaLatency.Result> latency) {
        double emptyShare = 100 * empty.value().perSecond() / reference.value();
        double fullShare = 100 * full.value().perSecond() / empty.value().perSecond();
        CommitToKafkaLatency.Result d = latency.value();
        row("(a) pgbench reference, %d clients".formatted(CLIENTS), "%.0f tx/s".formatted(reference.value()), "", "",
                reference.load());
        row("(b-empty) POST /work-logs, %s (empty)".formatted(EMPTY_MONTH), rate(empty.value()), "", "", empty.load());
        row("(b-50k) POST /work-logs, %s (%,d logs)".formatted(FULL_MONTH, inFullMonth), rate(full.value()), "", "",
                full.load());
        row("(b-empty)/(a)", "%.1f%%".formatted(emptyShare), ">= 35%", met(emptyShare >= 35), null);
        row("(b-50k)/(b-empty)", "%.1f%%".formatted(fullShare), ">= 80%", met(fullShare >= 80), null);
        row("(c) relay, %,d outbox rows".formatted(RELAY_ROWS), "%.0f events/s".formatted(relay.value()),
                ">= 20,000/s", met(relay.value() >= 20_000), relay.load());
        row("(d) commit-to-Kafka at %d logs/s".formatted(d.offeredPerSecond()),
                "p50 %.0f ms, p99 %.0f ms".formatted(d.p50(), d.p99()), "p99 < 100 ms", met(d.p99() < 100), latency.load());
        notes.add("(b) %d connections, %d s each: empty %s; full %s".formatted(CLIENTS, runLength.toSeconds(),
                empty.value(), full.value()));
        notes.add("CPU per transaction: (a) %s; (b-empty) %s; (b-50k) %s".formatted(
                cpuPerTransaction(reference.load(), reference.value() * runLength.toSeconds()),
                cpuPerTransaction(empty.load(), empty.value().ok()), cpuPerTransaction(full.load(), full.value().ok())));
        notes.add("fill of %s through the API with %d connections: %s, load %s".formatted(FULL_MONTH, FILL_CONNECTIONS,
                fill.value(), fill.load()));
        notes.add("(d) %d of the %d logs acknowledged in the 20 s measured had their event read (%.0f/s acknowledged; %d ticks skipped at 64 in flight,"
                .formatted(d.measured(), d.acknowledged(), d.acknowledgedPerSecond(), d.skipped())
                + " %d failed); from the answer to the relay's send p50 %.0f ms, p99 %.0f ms; from the send to the read p50 %.0f ms, p99 %.0f ms"
                .formatted(d.failed(), d.sendP50(), d.sendP99(), d.deliveryP50(), d.deliveryP99()));

        String time = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        System.out.printf("%n=== Write path (quota-service), %s, %d cores ===%n", time, Runtime.getRuntime().availableProcessors());
        String format = "%-48s %-26s %-13s %-7s %s%n";
        System.out.printf(format, "part", "figure", "aim", "", "load avg / CPU busy");
        rows.forEach(row -> System.out.printf(format, (Object[]) row));
        notes.forEach(note -> System.out.println("  " + note));
    }

    private void row(String part, String figure, String aim, String verdict, MachineLoad.Seen load) {
        rows.add(new String[]{part, figure, aim, verdict, load == null ? "" : load.toString()});
    }

    private static String rate(WrkResult result) {
        return "%.0f logs/s (non-2xx %d)".formatted(result.perSecond(), result.non2xx());
    }

    private static String met(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static Path setupOf(Path reference) {
        return reference.resolveSibling("worklog-reference-setup.sql");
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("No match for " + regex + " in:\n" + text);
        }
        return matcher.group(1);
    }

    private static void say(String format, Object... args) {
        System.out.println("[bench] " + format.formatted(args));
    }
}
