package com.wuaigou.ops.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a real PostgreSQL server and a real Kafka broker once per test JVM and points the service under test at them.
 * Register it with {@code @QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false,
 * initArgs = @ResourceArg(name = "database", value = "<service database>"))}. With the init argument
 * {@code kafka=sasl-plain} the service gets a second broker instead, one that requires SASL/PLAIN (user
 * {@link #SASL_USER}), and the {@code kafka.security.protocol}, {@code kafka.sasl.*} settings to log in to it.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    public static final KafkaBroker.PlainUser SASL_USER = new KafkaBroker.PlainUser("ops-service", "ops-secret");

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static KafkaBroker saslKafka;
    private String database = "app";
    private boolean sasl;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        sasl = "sasl-plain".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        startInfrastructure();
        postgres.ensureDatabase(database);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", ""));
        (sasl ? saslKafka() : kafka).clientProperties().forEach((key, value) -> config.put("kafka." + key, value));
        return config;
    }

    private static synchronized void startInfrastructure() {
        if (postgres != null) {
            return;
        }
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() -> {
            try {
                return KafkaBroker.start(Files.createTempDirectory("ops-test-kafka"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        postgres = PostgresServer.startForTests();
        kafka = broker.join();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "local-infra-stop"));
    }

    /** The broker the services under test use, so a test can stop and restart it. */
    public static KafkaBroker kafka() {
        return kafka;
    }

    /** The broker that requires SASL/PLAIN, started on first use and kept for the rest of the test JVM. */
    public static synchronized KafkaBroker saslKafka() {
        if (saslKafka == null) {
            try {
                saslKafka = KafkaBroker.startWithSaslPlain(Files.createTempDirectory("ops-test-kafka-sasl"), 0, SASL_USER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(saslKafka::close, "local-infra-stop-sasl-kafka"));
        }
        return saslKafka;
    }

    /** The PostgreSQL server the services under test use. */
    public static PostgresServer postgres() {
        return postgres;
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM; stopped by the shutdown hook.
    }
}
