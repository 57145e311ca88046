package com.wuaigou.ops.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run as its own JVM from the
 * Kafka jars on this module's classpath. It can be stopped and started again on the same port and data, which is how
 * tests take the broker away from running services. Its client listener is PLAINTEXT, or SASL_PLAINTEXT with the
 * PLAIN mechanism when started with {@link #startWithSaslPlain}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    /** A user a SASL/PLAIN broker accepts. */
    public record PlainUser(String username, String password) {

        /** The {@code sasl.jaas.config} a client logs in with. */
        public String jaasConfig() {
            return PLAIN_LOGIN + " username=\"%s\" password=\"%s\";".formatted(username, password);
        }
    }

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private final PlainUser saslUser;
    private Process process;

    private KafkaBroker(Path dataDirectory, int port, int controllerPort, PlainUser saslUser) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslUser = saslUser;
    }

    /**
     * Starts a broker, formatting its storage on first use.
     *
     * @param dataDirectory where logs and metadata live; kept between starts
     * @param port          client port, or 0 for a free one
     */
    public static KafkaBroker start(Path dataDirectory, int port) {
        return start(dataDirectory, port, null);
    }

    /**
     * Starts a broker whose clients must authenticate with SASL/PLAIN over an unencrypted connection
     * (SASL_PLAINTEXT), as {@code user}; see {@link #clientProperties()}.
     */
    public static KafkaBroker startWithSaslPlain(Path dataDirectory, int port, PlainUser user) {
        return start(dataDirectory, port, user);
    }

    private static KafkaBroker start(Path dataDirectory, int port, PlainUser saslUser) {
        int clientPort = port == 0 ? freePort() : port;
        KafkaBroker broker = new KafkaBroker(dataDirectory, clientPort, freePort(), saslUser);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** What a Kafka client needs to connect: the bootstrap servers, and for a SASL broker its protocol and login. */
    public Map<String, String> clientProperties() {
        if (saslUser == null) {
            return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        }
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, saslUser.jaasConfig());
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
        String listener = saslUser == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        try (Writer out = Files.newBufferedWriter(config)) {
            out.write("""
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.voters=1@127.0.0.1:%2$d
                    listeners=%4$s://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    advertised.listeners=%4$s://127.0.0.1:%1$d
                    controller.listener.names=CONTROLLER
                    inter.broker.listener.name=%4$s
                    listener.security.protocol.map=%4$s:%4$s,CONTROLLER:PLAINTEXT
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
                    """.formatted(port, controllerPort, dataDirectory.resolve("logs").toString().replace("\\", "/"),
                    listener));
            if (saslUser != null) {
                // The broker logs in to itself as "broker"; the user is the one account clients get.
                out.write("""
                        sasl.enabled.mechanisms=PLAIN
                        sasl.mechanism.inter.broker.protocol=PLAIN
                        listener.name.sasl_plaintext.plain.sasl.jaas.config=%s username="broker" password="broker" \
                            user_broker="broker" user_%s="%s";
                        """.formatted(PLAIN_LOGIN, saslUser.username(), saslUser.password()));
            }
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
        Map<String, Object> props = new HashMap<>(clientProperties());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(props)) {
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
