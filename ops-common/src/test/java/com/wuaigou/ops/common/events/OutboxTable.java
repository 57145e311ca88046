package com.wuaigou.ops.common.events;

import com.wuaigou.ops.common.migrations.CommonMigrations;
import com.wuaigou.ops.local.PostgresServer;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A service database reduced to its outbox, reached over plain JDBC, for relay tests without a Quarkus app. */
final class OutboxTable {

    private final String jdbcUrl;

    private OutboxTable(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Creates {@code database} on {@code postgres}, unless it exists, with the shared tables as services have them. */
    static OutboxTable create(PostgresServer postgres, String database) {
        postgres.ensureDatabase(database);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl(database));
        dataSource.setUser(PostgresServer.USER);
        CommonMigrations.migrate(dataSource, "flyway_schema_history");
        return new OutboxTable(postgres.jdbcUrl(database));
    }

    /** A connection in manual-commit mode, as a relay transaction has. */
    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, "");
        connection.setAutoCommit(false);
        return connection;
    }

    /** Commits {@code count} pending events of one aggregate; returns their ids in commit order. */
    List<UUID> record(int count, String topic, String key) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox_event (id, topic, message_key, event_type, envelope, created_at)
                     values (?, ?, ?, 'ops.test.relayed.v1', ?, now())""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, topic);
                insert.setString(3, key);
                insert.setString(4, "{\"id\":\"" + id + "\"}");
                insert.executeUpdate();
                ids.add(id);
            }
            connection.commit();
        }
        return ids;
    }

    /** Runs {@code sql} in its own transaction; for set-up and one-number questions. */
    long query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return statement.getUpdateCount();
            }
            ResultSet result = statement.getResultSet();
            result.next();
            return result.getLong(1);
        }
    }
}
