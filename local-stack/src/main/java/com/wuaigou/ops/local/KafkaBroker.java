package com.wuaigou.ops.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run as its own JVM from the
 * Kafka jars on this module's classpath. It can be stopped and started again on the same port and data, which is how
 * tests take the broker away from running services.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dataDirectory, int port, int controllerPort) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker, formatting its storage on first use.
     *
     * @param dataDirectory where logs and metadata live; kept between starts
     * @param port          client port, or 0 for a free one
     */
    public static KafkaBroker start(Path dataDirectory, int port) {
        int clientPort = port == 0 ? freePort() : port;
        KafkaBroker broker = new KafkaBroker(dataDirectory, clientPort, freePort());
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Starts the broker again on the same port and data after {@link #stop()}. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            Path config = writeConfig();
            if (!Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
                format(config);
            }
            process = new ProcessBuilder(ChildJvm.command(
                    List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true"),
                    ParentWatchingMain.class.getName(), List.of("kafka.Kafka", config.toString())))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("broker.log").toFile()))
                    .start();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker could not start in " + dataDirectory, e);
        }
    }

    /** Stops the broker cleanly (SIGTERM), as an outage would, keeping its data. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Path config = dataDirectory.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            out.write("""
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.voters=1@127.0.0.1:%2$d
                    listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                    controller.listener.names=CONTROLLER
                    inter.broker.listener.name=PLAINTEXT
                    listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                    log.dirs=%3$s
                    num.partitions=3
                    auto.create.topics.enable=true
                    offsets.topic.replication.factor=1
                    offsets.topic.num.partitions=10
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    """.formatted(port, controllerPort, dataDirectory.resolve("logs").toString().replace("\\", "/")));
        }
        return config;
    }

    private void format(Path config) throws IOException {
        Process formatter = new ProcessBuilder(ChildJvm.command(List.of("-Xmx256m"), "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("broker.log").toFile()))
                .start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                throw new IOException("Formatting Kafka storage failed; see " + dataDirectory.resolve("broker.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while formatting Kafka storage", e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited with " + process.exitValue() + "; see "
                        + dataDirectory.resolve("broker.log"));
            }
            if (portOpen() && clusterAnswers()) {
                return;
            }
            sleep(200);
        }
        throw new IOException("Kafka broker not ready after " + START_TIMEOUT + "; see " + dataDirectory.resolve("broker.log"));
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean clusterAnswers() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
