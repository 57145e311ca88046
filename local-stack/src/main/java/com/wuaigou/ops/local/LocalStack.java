package com.wuaigou.ops.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the whole system on this machine: embedded PostgreSQL (port 15432) and a Kafka broker (port 9092) whose data
 * stay in {@code .local-stack/}, then the three services with the department's demo data. Prints where to look and
 * what the demo holds once everything is ready (the services report ready only after loading their demo data);
 * Ctrl-C stops everything it started. {@code --reset} deletes the kept data first.
 */
public final class LocalStack {

    static final int POSTGRES_PORT = Integer.getInteger("local.postgres.port", 15432);
    static final int KAFKA_PORT = Integer.getInteger("local.kafka.port", 9092);
    static final LocalSystem.Ports PORTS = new LocalSystem.Ports(POSTGRES_PORT, KAFKA_PORT, 8081, 8082, 8083);

    private final Path data;
    private final LocalSystem system;
    private volatile boolean stopping;

    private LocalStack(Path root) {
        this.data = root.resolve(".local-stack");
        this.system = new LocalSystem(root, data, PORTS);
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = new LocalStack(projectRoot());
        if (List.of(args).contains("--reset")) {
            stack.system.deleteData();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "local-stack-stop"));
        stack.run();
    }

    private void run() throws Exception {
        long begin = System.nanoTime();
        system.start();
        Path tokens = writeTokens();
        printSummary(Duration.ofNanos(System.nanoTime() - begin), tokens, DemoDepartment.read(system));

        while (!stopping) {
            for (LocalSystem.Service service : LocalSystem.Service.values()) {
                Process process = system.process(service);
                if (!process.isAlive() && !stopping) {
                    say("%s exited with %d; see %s. Stopping everything.", service.module(), process.exitValue(),
                            system.log(service));
                    System.exit(1);
                }
            }
            Thread.sleep(1000);
        }
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

    private void printSummary(Duration elapsed, Path tokens, DemoDepartment demo) {
        PostgresServer postgres = system.postgres();
        KafkaBroker kafka = system.kafka();
        StringBuilder out = new StringBuilder();
        out.append("\n=== Operations department is running (ready in %.1f s) ===%n".formatted(elapsed.toMillis() / 1000.0));
        for (LocalSystem.Service service : LocalSystem.Service.values()) {
            Process process = system.process(service);
            String url = system.url(service);
            out.append("%-18s %s/api/v1   Swagger UI %s/q/swagger-ui   health %s/q/health   (pid %d, %s)%n"
                    .formatted(service.module(), url, url, url, process.pid(), memory(process.pid())));
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
        out.append(demo.describe());
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
        system.close();
        say("Everything stopped.");
    }

    /** The checkout's root: the nearest folder upwards that holds mvnw and this module. */
    public static Path projectRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("local-stack"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Run from inside the project checkout; no mvnw above " + dir);
    }

    private static void say(String format, Object... args) {
        LocalSystem.say(format, args);
    }
}
