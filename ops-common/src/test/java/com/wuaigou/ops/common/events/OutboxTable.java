package com.wuaigou.ops.common.events;

import com.wuaigou.ops.local.PostgresServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static final String MIGRATION = "db/common/V0_1__outbox_and_processed_events.sql";

    private final String jdbcUrl;

    private OutboxTable(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Creates {@code database} on {@code postgres} with the shared outbox tables, unless it exists. */
    static OutboxTable create(PostgresServer postgres, String database) throws SQLException {
        postgres.ensureDatabase(database);
        OutboxTable table = new OutboxTable(postgres.jdbcUrl(database));
        try (Connection connection = DriverManager.getConnection(table.jdbcUrl, PostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists outbox_event, processed_event");
            statement.execute(migration());
        }
        return table;
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

    private static String migration() {
        try (InputStream in = OutboxTable.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
