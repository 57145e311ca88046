package com.wuaigou.ops.quota.bench;

import com.wuaigou.ops.local.DevTokens;
import com.wuaigou.ops.local.KafkaBroker;
import com.wuaigou.ops.local.PostgresServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: loads a year (2025) of logs for 38 people over the whole catalog, then times a month's attainment for
 * the department and for one person, client side and from the service's own request metrics (server time).
 * By default it starts its own PostgreSQL, Kafka and the packaged service:
 *
 * <pre>
 * ./mvnw -pl quota-service package -DskipTests
 * ./mvnw -pl quota-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.wuaigou.ops.quota.bench.AttainmentBenchmark
 * </pre>
 *
 * Against a running service instead: -Dbench.url=http://localhost:8082 -Dbench.jdbc=jdbc:postgresql://127.0.0.1:15432/quota.
 * Other properties: bench.user (postgres), bench.password, bench.rounds (30), bench.port (18082), bench.jar. The roster rows are written straight into the copy tables, and every
 * bench row is marked (note 'bench', staff ids 70001 to 70038) so a rerun replaces them.
 */
public final class AttainmentBenchmark {

    private static final int FIRST_ID = 70001;
    private static final int BENCH_PORT = Integer.getInteger("bench.port", 18082);
    /** 38 people: the plan's groups, photography without catalog items. */
    private static final String[][] GROUPS = {{"CS", "8"}, {"PB", "14"}, {"PRODUCT", "5"}, {"DESIGN", "8"}, {"PHOTO", "3"}};

    private AttainmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 30);
        String url = System.getProperty("bench.url");
        List<AutoCloseable> started = new ArrayList<>();
        try {
            String jdbc = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:15432/quota");
            if (url == null) {
                PostgresServer postgres = PostgresServer.startForTests();
                started.add(postgres);
                postgres.ensureDatabase("quota");
                jdbc = postgres.jdbcUrl("quota");
                Path work = Files.createTempDirectory("quota-bench");
                KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0);
                started.add(kafka);
                url = "http://127.0.0.1:" + BENCH_PORT;
                Process service = startService(work, jdbc, kafka.bootstrapServers());
                started.add(0, () -> {
                    service.destroy();
                    service.waitFor();
                });
                awaitReady(url, service, work);
            }
            try (Connection db = DriverManager.getConnection(jdbc, System.getProperty("bench.user", PostgresServer.USER),
                    System.getProperty("bench.password", ""))) {
                long loading = System.nanoTime();
                long logs = load(db);
                System.out.printf("Loaded %d logs (2025, 38 people, whole catalog) in %d ms%n", logs,
                        (System.nanoTime() - loading) / 1_000_000);
            }
            HttpClient http = HttpClient.newHttpClient();
            String token = DevTokens.mint(9000, "admin");
            report(http, url, token, "department month", "/api/v1/attainment/department?window=MONTH&date=2025-06-15", rounds);
            report(http, url, token, "one person month", "/api/v1/attainment/staff/" + (FIRST_ID + 8)
                    + "?window=MONTH&date=2025-06-15", rounds);
        } finally {
            for (AutoCloseable resource : started) {
                resource.close();
            }
        }
    }

    /** Runs the packaged service (./mvnw -pl quota-service package first) against the benchmark's own infrastructure. */
    private static Process startService(Path work, String jdbc, String kafka) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -pl quota-service package -DskipTests first");
        }
        Path publicKey = work.resolve("dev-jwt-public-key.pem");
        Files.writeString(publicKey, DevTokens.publicKeyPem());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(BENCH_PORT));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", DevTokens.AUDIENCE);
        return builder.start();
    }

    private static void awaitReady(String url, Process service, Path work) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("quota-service exited; see " + work.resolve("service.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("quota-service not ready in 3 minutes; see " + work.resolve("service.log"));
    }

    private static long load(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("delete from work_log_crew where work_log_id in (select id from work_log where note = 'bench')");
            sql.execute("delete from work_log where note = 'bench'");
            sql.execute("delete from assignment where staff_id between " + FIRST_ID + " and " + (FIRST_ID + 37));
            sql.execute("delete from roster_staff where id between " + FIRST_ID + " and " + (FIRST_ID + 37));
            sql.execute("create temporary table bench_member (staff_id bigint, group_code text, member_index int, members int)");
            int id = FIRST_ID;
            for (String[] group : GROUPS) {
                int members = Integer.parseInt(group[1]);
                for (int i = 0; i < members; i++, id++) {
                    sql.execute(("insert into roster_staff (id, employee_number, name, group_code, post_code, group_role,"
                            + " status, status_since, hire_date, version) values (%d, 'B-%d', 'Bench %d', '%s', '%s-POST',"
                            + " '%s', 'ACTIVE', '2024-01-01', '2024-01-01', 1)")
                            .formatted(id, id, id, group[0], group[0], i == 0 ? "MANAGER" : "MEMBER"));
                    sql.execute(("insert into roster_placement (staff_id, group_code, post_code, group_role, from_date)"
                            + " values (%d, '%s', '%s-POST', 'MEMBER', '2024-01-01')").formatted(id, group[0], group[0]));
                    sql.execute("insert into bench_member values (%d, '%s', %d, %d)".formatted(id, group[0], i, members));
                }
            }
            // Each item of a group is held by one member (round robin) and logged by them every working day.
            sql.execute("""
                    create temporary table bench_holder as
                    select i.id as item_id, i.group_code, i.shape, i.slots, i.std_minutes, m.staff_id,
                           coalesce(ceil((select t.target_min from quota_target t where t.item_id = i.id
                                          order by t.effective_from desc limit 1)), 1) as quantity
                    from (select q.*, row_number() over (partition by q.group_code order by q.id) - 1 as n
                          from quota_item q where q.retired_on is null) i
                    join bench_member m on m.group_code = i.group_code and m.member_index = i.n % m.members""");
            sql.execute("""
                    insert into assignment (item_id, group_code, staff_id, duty, valid_from, assigned_by, assigned_at)
                    select item_id, group_code, staff_id, 'PRIMARY', date '2025-01-01', 9000, now() from bench_holder""");
            sql.execute("""
                    insert into work_log (staff_id, item_id, group_code, work_date, quantity, minutes, slot, note,
                                          unplanned, created_by, created_at)
                    select h.staff_id, h.item_id, h.group_code, d::date,
                           case when h.shape in ('DURATION', 'COVERAGE') then 1 else h.quantity end,
                           case when h.shape = 'RATE' then 60 when h.shape = 'DURATION' then h.quantity::int
                                else null end,
                           case when h.shape = 'COVERAGE' then split_part(h.slots, ';', 1) else null end,
                           'bench', false, h.staff_id, now()
                    from bench_holder h
                    cross join generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') d
                    where extract(isodow from d) < 6""");
            sql.execute("""
                    insert into work_log_crew (work_log_id, staff_id)
                    select id, staff_id from work_log where note = 'bench'""");
            // Logs loaded around the service: recount the running totals attainment is read from.
            sql.execute("select rebuild_attainment_totals()");
            sql.execute("analyze");
            try (var count = sql.executeQuery("select count(*) from work_log where note = 'bench'")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static void report(HttpClient http, String base, String token, String name, String path, int rounds)
            throws Exception {
        for (int i = 0; i < 5; i++) {
            get(http, base + path, token);
        }
        double[] before = serverSeconds(http, base, path);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            get(http, base + path, token);
            micros.add((System.nanoTime() - start) / 1000);
        }
        double[] after = serverSeconds(http, base, path);
        Collections.sort(micros);
        double serverMeanMs = after[1] > before[1] ? (after[0] - before[0]) / (after[1] - before[1]) * 1000 : Double.NaN;
        System.out.printf("%-18s server mean %.1f ms | client median %.1f ms, p95 %.1f ms, min %.1f ms (%d rounds)%n", name,
                serverMeanMs, micros.get(rounds / 2) / 1000.0, micros.get((int) (rounds * 0.95) - 1) / 1000.0,
                micros.get(0) / 1000.0, rounds);
    }

    private static void get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Sum of seconds and count of requests the service measured for the path's route template. */
    private static double[] serverSeconds(HttpClient http, String base, String path) throws Exception {
        // Labels hold route templates such as /staff/{staffId}: match the route's fixed part.
        String route = path.substring(0, path.indexOf('?')).replaceAll("\\d+$", "");
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        double count = 0;
        Matcher line = Pattern.compile("^http_server_requests_seconds_(sum|count)\\{(.*)} ([0-9.Ee+-]+)$",
                Pattern.MULTILINE).matcher(metrics);
        while (line.find()) {
            if (line.group(2).contains("uri=\"" + route) && line.group(2).contains("status=\"200\"")) {
                if (line.group(1).equals("sum")) {
                    sum += Double.parseDouble(line.group(3));
                } else {
                    count += Double.parseDouble(line.group(3));
                }
            }
        }
        return new double[]{sum, count};
    }
}
