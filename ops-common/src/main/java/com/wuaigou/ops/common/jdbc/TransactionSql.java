package com.wuaigou.ops.common.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the current transaction's connection, for statements that run on every write and touch no entity
 * (the outbox row, the idempotency key, the work log's statements, what a write only reads): Hibernate's query layer
 * and entity loading cost each of them about three times what the driver did. Parameters are bound in order with {@code setObject}; a null takes its column's type. A failure surfaces as
 * Hibernate's mapped exception, as from any other statement of the transaction.
 */
@ApplicationScoped
public class TransactionSql {

    /** One row mapped to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final EntityManager entityManager;

    TransactionSql(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public int update(String sql, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepared(connection.prepareStatement(sql), parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    /** The first row of a query, mapped, or empty when it has none. */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepared(connection.prepareStatement(sql), parameters);
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        });
    }

    /** Every row of a query, mapped, in the query's order. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepared(connection.prepareStatement(sql), parameters);
                 ResultSet rows = statement.executeQuery()) {
                List<T> mapped = new ArrayList<>();
                while (rows.next()) {
                    mapped.add(mapper.map(rows));
                }
                return mapped;
            }
        });
    }

    private static PreparedStatement prepared(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
