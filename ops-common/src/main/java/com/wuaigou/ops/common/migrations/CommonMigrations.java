package com.wuaigou.ops.common.migrations;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * ops-common's own migrations, in {@value #LOCATION} with their own Flyway history table {@value #HISTORY}, so the
 * library adds a migration without touching a service's history and its versions never meet a service's.
 * <p>
 * They run as a callback of the service's own Flyway (the default datasource's) when it migrates: the shared tables
 * first, then the service's. Databases migrated before the split hold the shared {@code V0_1} in the service's
 * history; before the service validates, that row leaves its history (whose validation would miss the script) and the
 * shared history starts from a baseline at 0.1. An advisory lock makes instances that start together do this once.
 */
@Singleton
public class CommonMigrations implements FlywayConfigurationCustomizer, Callback {

    static final String HISTORY = "flyway_ops_common_history";
    static final String LOCATION = "classpath:db/common";
    /** The shared script as services ran it in their own history before the split. */
    static final String MOVED_VERSION = "0.1";
    static final String MOVED_SCRIPT = "V0_1__outbox_and_processed_events.sql";

    /** The lock around a run: a two-int key, apart from the relay's and from Flyway's single-bigint locks. */
    private static final int LOCK_CLASS = 0x6f70636d;
    private static final int LOCK_OBJECT = 1;

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] callbacks = Arrays.copyOf(configuration.getCallbacks(), configuration.getCallbacks().length + 1);
        callbacks[callbacks.length - 1] = this;
        configuration.callbacks(callbacks);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    /**
     * Before validation only the move, which the service's validation needs; the shared migrations wait for the
     * migration proper, since Flyway refuses to give a service a history in a schema that already holds tables.
     */
    @Override
    public void handle(Event event, Context context) {
        DataSource dataSource = context.getConfiguration().getDataSource();
        String serviceHistory = context.getConfiguration().getTable();
        if (event == Event.BEFORE_VALIDATE) {
            locked(dataSource, connection -> moveOut(connection, dataSource, serviceHistory));
        } else {
            migrate(dataSource, serviceHistory);
        }
    }

    @Override
    public String getCallbackName() {
        return "ops-common migrations";
    }

    /**
     * Brings the shared tables up to date, after moving the shared script out of {@code serviceHistory} if it is
     * there. Running it again changes nothing.
     */
    public static void migrate(DataSource dataSource, String serviceHistory) {
        locked(dataSource, connection -> {
            moveOut(connection, dataSource, serviceHistory);
            shared(dataSource)
                    // A schema that already has tables (the service's history) gets a shared history from 0.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("ops-common history starts")
                    .load()
                    .migrate();
        });
    }

    private static void moveOut(Connection connection, DataSource dataSource, String serviceHistory)
            throws SQLException {
        if (!holdsMovedScript(connection, serviceHistory)) {
            return;
        }
        if (!exists(connection, HISTORY)) {
            shared(dataSource)
                    .baselineVersion(MOVED_VERSION)
                    .baselineDescription(MOVED_SCRIPT + " applied in " + serviceHistory)
                    .load()
                    .baseline();
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from " + quoted(serviceHistory)
                + " where version = ? and script = ?")) {
            delete.setString(1, MOVED_VERSION);
            delete.setString(2, MOVED_SCRIPT);
            delete.executeUpdate();
        }
    }

    private static FluentConfiguration shared(DataSource dataSource) {
        return Flyway.configure(CommonMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY)
                .locations(LOCATION);
    }

    /** Runs {@code work} in a transaction holding the lock, so one instance at a time moves or migrates. */
    private static void locked(DataSource dataSource, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, LOCK_OBJECT);
                lock.execute();
            }
            work.run(connection);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("ops-common migrations failed", e);
        }
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private static boolean holdsMovedScript(Connection connection, String serviceHistory) throws SQLException {
        if (!exists(connection, serviceHistory)) {
            return false;
        }
        try (PreparedStatement moved = connection.prepareStatement("select count(*) from " + quoted(serviceHistory)
                + " where version = ? and script = ? and success")) {
            moved.setString(1, MOVED_VERSION);
            moved.setString(2, MOVED_SCRIPT);
            try (ResultSet result = moved.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, quoted(table));
            try (ResultSet result = exists.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
