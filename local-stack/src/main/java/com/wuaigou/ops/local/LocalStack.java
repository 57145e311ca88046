package com.wuaigou.ops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the whole system on this machine: embedded PostgreSQL (port 15432) and a Kafka broker (port 9092) whose data
 * stay in {@code .local-stack/}, then the three services with the department's demo data. Prints where to look once
 * everything is ready; Ctrl-C stops everything it started. {@code --reset} deletes the kept data first.
 */
public final class LocalStack {

    static final int POSTGRES_PORT = Integer.getInteger("local.postgres.port", 15432);
    static final int KAFKA_PORT = Integer.getInteger("local.kafka.port", 9092);
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** The services, in start order, with their ports and databases. */
    static final List<Service> SERVICES = List.of(
            new Service("personnel-service", 8081, "personnel"),
            new Service("quota-service", 8082, "quota"),
            new Service("project-service", 8083, "project"));

    private final Path root;
    private final Path data;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private volatile boolean stopping;

    private LocalStack(Path root) {
        this.root = root;
        this.data = root.resolve(".local-stack");
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = new LocalStack(projectRoot());
        if (List.of(args).contains("--reset")) {
            stack.reset();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "local-stack-stop"));
        stack.run();
    }

    private void run() throws Exception {
        long begin = System.nanoTime();
        for (Service service : SERVICES) {
            if (!Files.exists(service.runner(root))) {
                throw new IllegalStateException(service.runner(root)
                        + " is missing: build first with ./mvnw install -DskipTests");
            }
        }
        Files.createDirectories(data.resolve("logs"));
        say("Starting PostgreSQL on port %d (data in %s)", POSTGRES_PORT, data.resolve("postgres"));
        PostgresServer postgres = PostgresServer.startPersistent(data.resolve("postgres"), POSTGRES_PORT);
        started.add(postgres);
        SERVICES.forEach(service -> postgres.ensureDatabase(service.database()));

        say("Starting Kafka (KRaft) on port %d (data in %s)", KAFKA_PORT, data.resolve("kafka"));
        KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), KAFKA_PORT);
        started.add(kafka);

        Path publicKey = data.resolve("dev-jwt-public-key.pem");
        Files.writeString(publicKey, DevTokens.publicKeyPem());
        for (Service service : SERVICES) {
            processes.put(service, startService(service, postgres, kafka, publicKey));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (Service service : SERVICES) {
            awaitReady(http, service);
        }
        Path tokens = writeTokens();
        printSummary(Duration.ofNanos(System.nanoTime() - begin), postgres, kafka, tokens);

        while (!stopping) {
            for (Map.Entry<Service, Process> entry : processes.entrySet()) {
                if (!entry.getValue().isAlive() && !stopping) {
                    say("%s exited with %d; see %s. Stopping everything.", entry.getKey().name(),
                            entry.getValue().exitValue(), log(entry.getKey()));
                    System.exit(1);
                }
            }
            Thread.sleep(1000);
        }
    }

    private Process startService(Service service, PostgresServer postgres, KafkaBroker kafka, Path publicKey)
            throws IOException {
        say("Starting %s on port %d", service.name(), service.port());
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.javaExecutable(), "-Xms64m", "-Xmx384m",
                "-XX:+UseSerialGC", "-jar", service.runner(root).toString())
                .directory(root.resolve(service.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", DevTokens.AUDIENCE);
        env.put("OPS_DEMO_DATA_ENABLED", "true");
        Process process = builder.start();
        started.add(() -> stopProcess(process));
        return process;
    }

    private void awaitReady(HttpClient http, Service service) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            Process process = processes.get(service);
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with " + process.exitValue()
                        + " before it was ready; see " + log(service));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    say("%s is ready", service.name());
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.name() + " not ready after " + READY_TIMEOUT + "; see " + log(service));
    }

    private Path writeTokens() throws IOException {
        Path tokens = data.resolve("tokens.env");
        Duration lifetime = Duration.ofDays(30);
        Files.writeString(tokens, """
                # Development bearer tokens (valid 30 days), written by the local stack. Use: source %s
                ADMIN_TOKEN=%s
                DIRECTOR_TOKEN=%s
                STAFF_TOKEN=%s
                """.formatted(tokens,
                DevTokens.mint(DemoIdentities.ADMIN_ID, lifetime, "admin"),
                DevTokens.mint(DemoIdentities.DIRECTOR_ID, lifetime, "director"),
                DevTokens.mint(DemoIdentities.STAFF_ID, lifetime, "staff")));
        return tokens;
    }

    private void printSummary(Duration elapsed, PostgresServer postgres, KafkaBroker kafka, Path tokens) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Operations department is running (ready in %.1f s) ===%n".formatted(elapsed.toMillis() / 1000.0));
        for (Service service : SERVICES) {
            Process process = processes.get(service);
            out.append("%-18s %s/api/v1   Swagger UI %s/q/swagger-ui   health %s/q/health   (pid %d, %s)%n"
                    .formatted(service.name(), service.url(), service.url(), service.url(), process.pid(),
                            memory(process.pid())));
        }
        out.append("PostgreSQL         jdbc:postgresql://127.0.0.1:%d/{personnel,quota,project} user postgres%n"
                .formatted(postgres.port()));
        out.append("Kafka              %s   (pid %d, %s)%n".formatted(kafka.bootstrapServers(), kafka.pid(),
                memory(kafka.pid())));
        out.append("Launcher           pid %d, %s%n".formatted(ProcessHandle.current().pid(),
                memory(ProcessHandle.current().pid())));
        out.append("Tokens             %s  (admin, director, staff: source it, then curl -H \"Authorization: Bearer $ADMIN_TOKEN\" ...)%n"
                .formatted(tokens));
        out.append("Logs               %s%n".formatted(data.resolve("logs")));
        out.append("Press Ctrl-C to stop everything.%n".formatted());
        System.out.println(out);
    }

    /** Resident memory of a process, read from /proc where there is one. */
    static String memory(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> "RSS " + Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB")
                    .findFirst().orElse("RSS unknown");
        } catch (IOException | RuntimeException e) {
            return "RSS unknown";
        }
    }

    private void stopAll() {
        stopping = true;
        List<AutoCloseable> toStop = new ArrayList<>(started);
        Collections.reverse(toStop);
        for (AutoCloseable resource : toStop) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Stopping " + resource + " failed: " + e);
            }
        }
        if (!toStop.isEmpty()) {
            say("Everything stopped.");
        }
    }

    private static void stopProcess(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void reset() throws IOException {
        if (!Files.exists(data)) {
            return;
        }
        say("Deleting %s", data);
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private Path log(Service service) {
        return data.resolve("logs").resolve(service.name() + ".log");
    }

    /** The checkout's root: the nearest folder upwards that holds mvnw and this module. */
    static Path projectRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("local-stack"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Run from inside the project checkout; no mvnw above " + dir);
    }

    private static void say(String format, Object... args) {
        System.out.println("[local-stack] " + format.formatted(args));
    }

    record Service(String name, int port, String database) {
        Path runner(Path root) {
            return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }

        String url() {
            return "http://localhost:" + port;
        }
    }
}
