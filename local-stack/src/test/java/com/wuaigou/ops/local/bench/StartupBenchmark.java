package com.wuaigou.ops.local.bench;

import com.wuaigou.ops.local.ClassArchive;
import com.wuaigou.ops.local.DemoIdentities;
import com.wuaigou.ops.local.DevTokens;
import com.wuaigou.ops.local.LocalStack;
import com.wuaigou.ops.local.LocalSystem;
import com.wuaigou.ops.local.LocalSystem.Service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test: one run of the startup benchmark, started by {@code bench/startup.sh} (see docs/benchmarks.md). It starts
 * PostgreSQL and Kafka (a {@link LocalSystem}'s infrastructure on free ports, fresh data in
 * {@code local-stack/target/bench-startup/}), then each packaged service alone with the JVM options the local stack and
 * the container images use, as in production: without the demo data, which only the local stack loads. Each service
 * starts three times: first on its empty database (Flyway creates the schema, the reference data a service seeds at
 * every start is added), a training start that writes the service's trained class archive when it stops; then twice on
 * the migrated database, as every later start finds it, with the build's class archive and with the trained one
 * ({@link ClassArchive}). For each start it measures the
 * time from launching the JVM to the first 200 of {@code /q/health/ready} (polled every 20 ms), the CPU time the JVM
 * had used by then, its RSS then, and its RSS a second after its first request (an authenticated list: the first pass
 * through the token check, Hibernate and the database), with the machine's load. Missed aims are printed, not failed.
 */
public final class StartupBenchmark {

    private static final Duration READY_LIMIT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final double READY_AIM_SECONDS = 3;
    private static final long RSS_AIM_MB = 250;
    /** The first request each service answers: a list any signed-in role may read. */
    private static final Map<Service, String> FIRST_REQUEST = Map.of(
            Service.PERSONNEL, "/api/v1/staff",
            Service.QUOTA, "/api/v1/quota-items",
            Service.PROJECT, "/api/v1/projects");

    private final LocalSystem system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token = DevTokens.mint(DemoIdentities.DIRECTOR_ID, "director");
    private String jvmArguments;

    private StartupBenchmark(LocalSystem system) {
        this.system = system;
    }

    /** One start of one service, as measured. */
    record Start(Service service, String when, double readySeconds, double cpuSeconds, long rssReadyMb,
                 String firstRequest, long rssAfterMb, String archive, MachineLoad.Seen load) {

        String aims() {
            return (readySeconds < READY_AIM_SECONDS ? "met" : "MISSED") + " / "
                    + (rssAfterMb < RSS_AIM_MB ? "met" : "MISSED");
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = LocalStack.projectRoot();
        Path work = root.resolve("local-stack/target/bench-startup");
        LocalSystem system = new LocalSystem(root, work, LocalSystem.Ports.free());
        system.deleteData();
        system.withoutDemoData();
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "bench-stop"));
        try {
            system.startInfrastructure();
            new StartupBenchmark(system).run(work);
        } finally {
            system.close();
        }
    }

    private void run(Path work) throws Exception {
        List<Start> starts = new ArrayList<>();
        for (Service service : Service.values()) {
            starts.add(start(service, "empty, training", ClassArchive.TRAINED));
            starts.add(start(service, "restart", ClassArchive.BUILD));
            starts.add(start(service, "restart", ClassArchive.TRAINED));
        }
        StringBuilder out = new StringBuilder();
        out.append("%n=== Startup and footprint, each service alone, %s UTC, %d cores ===%n".formatted(
                LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors()));
        out.append("%-18s %-15s %9s %9s %9s  %-28s %9s  %-7s %-15s %s%n".formatted("service", "start", "ready in",
                "CPU used", "RSS ready", "first request", "RSS after", "AppCDS", "aims 3 s/250", "load avg / CPU busy"));
        for (Start start : starts) {
            out.append("%-18s %-15s %7.2f s %7.2f s %6d MB  %-28s %6d MB  %-7s %-15s %s%n".formatted(start.service().module(),
                    start.when(), start.readySeconds(), start.cpuSeconds(), start.rssReadyMb(), start.firstRequest(),
                    start.rssAfterMb(), start.archive(), start.aims(), start.load()));
        }
        out.append("JVM: java %s%nLogs: %s%n".formatted(jvmArguments, work.resolve("logs")));
        System.out.print(out);
    }

    private Start start(Service service, String when, ClassArchive archive) throws Exception {
        MachineLoad load = MachineLoad.start();
        long launched = System.nanoTime();
        Process process = system.launch(service, archive);
        String url = system.url(service);
        awaitReady(service, process, url);
        double ready = (System.nanoTime() - launched) / 1e9;
        double cpu = process.info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0;
        long rssReady = rssMb(process);
        jvmArguments = String.join(" ", process.info().arguments().orElse(new String[0]));
        String path = FIRST_REQUEST.get(service);
        int status = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        Thread.sleep(SETTLE.toMillis());
        long rssAfter = rssMb(process);
        String mapped = archiveMapped(process);
        system.stop(service);
        Start start = new Start(service, when, ready, cpu, rssReady, "GET " + path + " " + status, rssAfter, mapped,
                load.stop());
        say("%s (%s): ready in %.2f s, CPU %.2f s, RSS %d MB, after %s %d MB", service.module(), when, ready, cpu,
                rssReady, start.firstRequest(), rssAfter);
        return start;
    }

    private void awaitReady(Service service, Process process, String url) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue()
                        + "; see " + system.log(service));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(service.module() + " not ready after " + READY_LIMIT);
    }

    /**
     * Which AppCDS archive the JVM mapped ({@code /proc/<pid>/maps}): the build's, a trained one, or none (a training
     * start, which writes the trained one when it stops).
     */
    private static String archiveMapped(Process process) throws IOException {
        String maps = Files.readString(Path.of("/proc", Long.toString(process.pid()), "maps"));
        if (maps.contains("app-cds-trained-")) {
            return "trained";
        }
        return maps.contains("app-cds.jsa") ? "build" : "none";
    }

    /** Resident memory of a process from /proc, in MB. */
    private static long rssMb(Process process) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst().orElseThrow();
    }

    private static void say(String format, Object... args) {
        System.out.println("[bench] " + format.formatted(args));
    }
}
