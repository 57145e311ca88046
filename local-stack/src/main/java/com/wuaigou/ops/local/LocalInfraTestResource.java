package com.wuaigou.ops.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a real PostgreSQL server and a real Kafka broker once per test JVM and points the service under test at them.
 * Register it with {@code @QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false,
 * initArgs = @ResourceArg(name = "database", value = "<service database>"))}.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startInfrastructure();
        postgres.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "",
                "kafka.bootstrap.servers", kafka.bootstrapServers());
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

    /** The PostgreSQL server the services under test use. */
    public static PostgresServer postgres() {
        return postgres;
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM; stopped by the shutdown hook.
    }
}
