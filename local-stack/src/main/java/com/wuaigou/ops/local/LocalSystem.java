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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole system as processes on this machine: PostgreSQL and a Kafka broker with their data in one folder, then
 * the three packaged services with the department's demo data, each its own JVM. The launcher ({@link LocalStack})
 * runs it on fixed ports; the end-to-end test on free ones, stopping and starting one service in the middle.
 */
public final class LocalSystem implements AutoCloseable {

    /** A process killed by signal N exits with status 128 + N. */
    private static final int SIGNALLED = 128;
    private static final int SIGTERM = 15;

    /** Boot plus the demo data load, which the services finish before they report ready. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /** The services, in start order, with their databases. */
    public enum Service {
        PERSONNEL("personnel-service", "personnel"),
        QUOTA("quota-service", "quota"),
        PROJECT("project-service", "project");

        private final String module;
        private final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }

        public String module() {
            return module;
        }

        /** The packaged service: {@code quarkus-run.jar} and the AppCDS archive beside it. */
        Path app(Path root) {
            return root.resolve(module).resolve("target/quarkus-app");
        }

        Path runner(Path root) {
            return app(root).resolve("quarkus-run.jar");
        }
    }

    /** Where PostgreSQL, Kafka and each service listen. */
    public record Ports(int postgres, int kafka, int personnel, int quota, int project) {

        /** Free ports of this machine, so a run never collides with a local stack or another run. */
        public static Ports free() {
            return new Ports(KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(),
                    KafkaBroker.freePort(), KafkaBroker.freePort());
        }

        public int of(Service service) {
            return switch (service) {
                case PERSONNEL -> personnel;
                case QUOTA -> quota;
                case PROJECT -> project;
            };
        }
    }

    private final Path root;
    private final Path data;
    private final Ports ports;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    /** What to do once a process has stopped gracefully: adopt the class archive a training start wrote. */
    private final Map<Process, TrainingStart> trainingStarts = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private Path publicKey;
    private Instant pinnedNow;
    private boolean demoData = true;
    /** The jar of {@link ArchiveLinker}, written into the data folder when a training start first stops. */
    private volatile Path archiveLinker;

    /**
     * @param root  the checkout, whose services are packaged ({@code ./mvnw install -DskipTests})
     * @param data  PostgreSQL and Kafka data, the services' logs ({@code logs/}); kept between runs
     * @param ports where everything listens
     */
    public LocalSystem(Path root, Path data, Ports ports) {
        this.root = root;
        this.data = data;
        this.ports = ports;
    }

    /**
     * Makes the services started from now on take {@code now} as the current instant ({@code OPS_CLOCK_FIXED}), so a
     * test of the whole system never depends on the day it runs.
     */
    public void pinClock(Instant now) {
        pinnedNow = now;
    }

    /**
     * Makes the services started from now on start as in production, without the department's demo data
     * ({@code OPS_DEMO_DATA_ENABLED=false}): what they seed at every start (personnel's reference groups and posts,
     * quota's catalog) they still seed.
     */
    public void withoutDemoData() {
        demoData = false;
    }

    /** Starts everything and returns once every service answers ready. {@link #close()} stops what did start. */
    public void start() throws IOException, InterruptedException {
        startInfrastructure();
        for (Service service : Service.values()) {
            launch(service);
        }
        for (Service service : Service.values()) {
            awaitReady(service);
        }
    }

    /**
     * Starts PostgreSQL with every service's database and Kafka, but no service: {@link #launch(Service)} starts one.
     * {@link #close()} stops what did start.
     */
    public void startInfrastructure() throws IOException {
        for (Service service : Service.values()) {
            if (!Files.exists(service.runner(root))) {
                throw new IllegalStateException(service.runner(root)
                        + " is missing: build first with ./mvnw install -DskipTests");
            }
        }
        Files.createDirectories(data.resolve("logs"));
        say("Starting PostgreSQL on port %d (data in %s)", ports.postgres(), data.resolve("postgres"));
        postgres = PostgresServer.startPersistent(data.resolve("postgres"), ports.postgres());
        started.add(postgres);
        for (Service service : Service.values()) {
            postgres.ensureDatabase(service.database);
        }
        say("Starting Kafka (KRaft) on port %d (data in %s)", ports.kafka(), data.resolve("kafka"));
        kafka = KafkaBroker.start(data.resolve("kafka"), ports.kafka());
        started.add(kafka);

        publicKey = data.resolve("dev-jwt-public-key.pem");
        Files.writeString(publicKey, DevTokens.publicKeyPem());
    }

    /** Stops one service (SIGTERM, as an orchestrator would), leaving everything else running. */
    public void stop(Service service) throws InterruptedException {
        Process process = processes.get(service);
        say("Stopping %s (pid %d)", service.module, process.pid());
        stopProcess(process);
    }

    /** Starts a stopped service again on its port and waits until it is ready. */
    public void start(Service service) throws IOException, InterruptedException {
        if (processes.get(service).isAlive()) {
            throw new IllegalStateException(service.module + " is running");
        }
        launch(service);
        awaitReady(service);
    }

    /** An extra instance of a service: its own process and port, the same database and Kafka as the first. */
    public record Instance(Process process, String url) {
    }

    /**
     * Starts another instance of a running service on a free port and waits until it is ready; {@link #close()} stops
     * it with everything else. Its log is {@code logs/<service>-<port>.log}.
     */
    public Instance startAnotherInstance(Service service) throws IOException, InterruptedException {
        int port = KafkaBroker.freePort();
        String name = service.module + "-" + port;
        Path log = data.resolve("logs").resolve(name + ".log");
        Process process = launch(service, port, log, ClassArchive.TRAINED);
        String url = "http://localhost:" + port;
        awaitReady(name, process, url, log);
        return new Instance(process, url);
    }

    /** Deletes the data folder, so the next {@link #start()} begins from scratch. */
    public void deleteData() throws IOException {
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

    public String url(Service service) {
        return "http://localhost:" + ports.of(service);
    }

    public Process process(Service service) {
        return processes.get(service);
    }

    public Path log(Service service) {
        return data.resolve("logs").resolve(service.module + ".log");
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** Stops everything that started, services first. */
    @Override
    public synchronized void close() {
        List<AutoCloseable> toStop = new ArrayList<>(started);
        Collections.reverse(toStop);
        started.clear();
        for (AutoCloseable resource : toStop) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Stopping " + resource + " failed: " + e);
            }
        }
    }

    /**
     * Starts a service's process on its port with its trained class archive (training it when this build has none)
     * and returns at once, without waiting until it is ready.
     */
    public Process launch(Service service) throws IOException {
        return launch(service, ClassArchive.TRAINED);
    }

    /** Starts a service's process on its port with the given class archive and returns at once. */
    public Process launch(Service service, ClassArchive archive) throws IOException {
        Process process = launch(service, ports.of(service), log(service), archive);
        processes.put(service, process);
        return process;
    }

    private Process launch(Service service, int port, Path log, ClassArchive archive) throws IOException {
        say("Starting %s on port %d", service.module, port);
        Path app = service.app(root);
        TrainedArchive trained = new TrainedArchive(app);
        Path training = null;
        String archiveOption;
        if (archive == ClassArchive.BUILD) {
            archiveOption = ChildJvm.mapping(app.resolve(ChildJvm.APPCDS_ARCHIVE));
        } else if (trained.isCurrent()) {
            archiveOption = ChildJvm.mapping(trained.path());
        } else {
            training = trained.trainingFile(port);
            Files.deleteIfExists(training);
            archiveOption = ChildJvm.training(training);
            say("%s writes its class archive when it stops; later starts of this build start faster", service.module);
        }
        ProcessBuilder builder = ChildJvm.service(app, archiveOption)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", DevTokens.AUDIENCE);
        env.put("OPS_DEMO_DATA_ENABLED", Boolean.toString(demoData));
        if (pinnedNow != null) {
            env.put("OPS_CLOCK_FIXED", pinnedNow.toString());
        }
        // The packaged jar logs JSON for a collector; people read these logs, so plain text.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // No collector runs locally: trace only when one is configured, rather than fail to export every few seconds.
        if (System.getenv("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT") == null) {
            env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        }
        Process process = builder.start();
        if (training != null) {
            trainingStarts.put(process, new TrainingStart(trained, training));
        }
        started.add(() -> stopProcess(process));
        return process;
    }

    private void awaitReady(Service service) throws InterruptedException {
        awaitReady(service.module, processes.get(service), url(service), log(service));
    }

    private void awaitReady(String name, Process process, String url, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    say("%s is ready", name);
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT + "; see " + log);
    }

    /**
     * Stops a process as an orchestrator would: SIGTERM, then SIGKILL after 30 s. A training start's JVM writes its
     * class archive as it exits, which becomes the archive only when the JVM exited by itself: with a status of its
     * own or after the SIGTERM, not killed by another signal, perhaps while writing it.
     */
    private void stopProcess(Process process) throws InterruptedException {
        if (trainingStarts.containsKey(process) && process.isAlive()) {
            linkLoadedClasses(process);
        }
        process.destroy();
        boolean exitedByItself = process.waitFor(30, TimeUnit.SECONDS);
        if (!exitedByItself) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        TrainingStart training = trainingStarts.remove(process);
        if (training != null) {
            // Only a process that exited has a status: one that outlived SIGKILL's wait has none to read.
            training.finish(exitedByItself && exitedWell(process.exitValue()));
        }
    }

    /** Links what a training start loaded, so that its archive holds every class and not only those it linked. */
    private void linkLoadedClasses(Process process) throws InterruptedException {
        try {
            if (archiveLinker == null) {
                archiveLinker = ArchiveLinker.agentJar(data);
            }
            ArchiveLinker.linkLoadedClasses(process, archiveLinker);
        } catch (IOException e) {
            say("Could not write the archive linker's jar into %s (%s); the class archive may miss classes", data,
                    e.getMessage());
        }
    }

    private static boolean exitedWell(int status) {
        return status < SIGNALLED || status == SIGNALLED + SIGTERM;
    }

    /** A start writing its class archive to a file of its own, which becomes the archive once its JVM exited well. */
    private record TrainingStart(TrainedArchive archive, Path file) {

        void finish(boolean exitedWell) {
            try {
                if (exitedWell) {
                    archive.adopt(file);
                } else {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                say("Keeping no class archive from %s: %s", file, e);
            }
        }
    }

    static void say(String format, Object... args) {
        System.out.println("[local-stack] " + format.formatted(args));
    }
}
