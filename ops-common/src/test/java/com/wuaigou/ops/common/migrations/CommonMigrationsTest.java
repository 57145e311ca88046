package com.wuaigou.ops.common.migrations;

import com.wuaigou.ops.local.LocalInfraTestResource;
import com.wuaigou.ops.local.PostgresServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application is a service like the others: its own migrations ({@code V1}, {@code V2} and the roster
 * replica's {@code V0_2}) in its Flyway history, the shared ones in ops-common's. Databases laid out as before the
 * split are built in scratch databases.
 */
@QuarkusTest
class CommonMigrationsTest {

    private static final String SERVICE_HISTORY = "flyway_schema_history";
    private static final AtomicInteger SCRATCH = new AtomicInteger();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldKeepTheSharedMigrationsInTheirOwnHistoryApartFromTheServices() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(history(connection, CommonMigrations.HISTORY))
                    .containsExactly("0 BASELINE", "0.1 SQL", "0.2 SQL", "0.3 SQL", "0.4 SQL");
            assertThat(history(connection, SERVICE_HISTORY)).containsExactly("0.2 SQL", "1 SQL", "2 SQL");
        }
    }

    @Test
    void shouldMoveTheSharedScriptOutOfAServiceHistoryWrittenBeforeTheSplitKeepingTheData() throws SQLException {
        String url = databaseBeforeTheSplit();
        sql(url, "insert into outbox_event (id, topic, message_key, event_type, envelope, created_at)"
                + " values (gen_random_uuid(), 'ops.test.notes', 'k', 'ops.test.v1', '{}', now())");

        int ownApplied = service(url).load().migrate().migrationsExecuted;

        try (Connection connection = connect(url)) {
            assertThat(history(connection, SERVICE_HISTORY)).containsExactly("1 SQL", "2 SQL");
            assertThat(history(connection, CommonMigrations.HISTORY))
                    .containsExactly("0.1 BASELINE", "0.2 SQL", "0.3 SQL", "0.4 SQL");
        }
        assertThat(ownApplied).isZero();
        assertThat(count(url, "select count(*) from outbox_event")).isEqualTo(1);
        assertThat(service(url).load().validateWithResult().validationSuccessful).isTrue();
        assertThat(service(url).load().migrate().migrationsExecuted).isZero();
    }

    @Test
    void shouldMoveItOnceWhenInstancesStartTogether() throws SQLException {
        String url = databaseBeforeTheSplit();

        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> service(url).load().migrate()),
                CompletableFuture.runAsync(() -> service(url).load().migrate()),
                CompletableFuture.runAsync(() -> service(url).load().migrate())).join();

        try (Connection connection = connect(url)) {
            assertThat(history(connection, SERVICE_HISTORY)).containsExactly("1 SQL", "2 SQL");
            assertThat(history(connection, CommonMigrations.HISTORY))
                    .containsExactly("0.1 BASELINE", "0.2 SQL", "0.3 SQL", "0.4 SQL");
        }
    }

    @Test
    void shouldMoveTheSharedScriptAlsoWhenTheServiceMigratesWithoutValidating() throws SQLException {
        String url = databaseBeforeTheSplit();

        service(url).validateOnMigrate(false).load().migrate();

        try (Connection connection = connect(url)) {
            assertThat(history(connection, SERVICE_HISTORY)).containsExactly("1 SQL", "2 SQL");
            assertThat(history(connection, CommonMigrations.HISTORY))
                    .containsExactly("0.1 BASELINE", "0.2 SQL", "0.3 SQL", "0.4 SQL");
        }
        assertThat(service(url).load().validateWithResult().validationSuccessful).isTrue();
    }

    /** A service's Flyway as Quarkus configures it: its own location and history, with ops-common's callback. */
    private static FluentConfiguration service(String url) {
        return Flyway.configure().dataSource(url, PostgresServer.USER, "").locations("classpath:db/migration")
                .callbacks(new CommonMigrations());
    }

    /** The layout services migrated to before the split: the shared V0_1, then their own V1, in one history. */
    private static String databaseBeforeTheSplit() {
        String url = scratchDatabase();
        Flyway.configure().dataSource(url, PostgresServer.USER, "")
                .locations(CommonMigrations.LOCATION).target(CommonMigrations.MOVED_VERSION).load().migrate();
        Flyway.configure().dataSource(url, PostgresServer.USER, "")
                .locations("classpath:db/migration").ignoreMigrationPatterns("*:missing").load().migrate();
        return url;
    }

    private static String scratchDatabase() {
        PostgresServer postgres = LocalInfraTestResource.postgres();
        String database = "migrations_" + SCRATCH.incrementAndGet();
        postgres.ensureDatabase(database);
        return postgres.jdbcUrl(database);
    }

    /** Successful entries, oldest first, as {@code version type}. */
    private static List<String> history(Connection connection, String table) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, type from " + table
                     + " where success order by installed_rank")) {
            while (rows.next()) {
                entries.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return entries;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USER, "");
    }

    private static void sql(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
