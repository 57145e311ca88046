package com.wuaigou.ops.common.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plain JDBC on the current transaction's connection, for statements that run on every write and touch no entity
 * (the outbox row, the idempotency key, the work log's statements, what a write only reads): Hibernate's query layer
 * and entity loading cost each of them about three times what the driver did. Parameters are bound in order with
 * {@code setObject}; a null takes its column's type. A failure surfaces as Hibernate's mapped exception, as from any
 * other statement of the transaction. A write nobody reads back can wait ({@link #later}) to share the next statement's
 * round trip.
 */
@ApplicationScoped
public class TransactionSql {

    /** One row mapped to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** What a statement answers, read from its rows or, for a write, from the count of rows it changed. */
    @FunctionalInterface
    private interface Answer<T> {
        T read(PreparedStatement statement) throws SQLException;
    }

    /** The transaction's resource under which its waiting writes are kept. */
    private static final Object WAITING = new Object();

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    TransactionSql(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public int update(String sql, Object... parameters) {
        return send(sql, parameters, PreparedStatement::executeUpdate);
    }

    /** The first row of a query, mapped, or empty when it has none. */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... parameters) {
        return send(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        });
    }

    /** Every row of a query, mapped, in the query's order. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        return send(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                List<T> mapped = new ArrayList<>();
                while (rows.next()) {
                    mapped.add(mapper.map(rows));
                }
                return mapped;
            }
        });
    }

    /**
     * An insert, update or delete whose count nobody reads (an outbox row). It waits in the current transaction and
     * goes with the next statement sent through this class, as a data-modifying {@code with} part of it (one round trip
     * for both), or at the latest before commit. Until then no statement of the transaction sees it; with the one it
     * goes with, it shares a snapshot, so that one does not see it either. One write waits at a time, and a second one
     * sends the first before it waits: the parts of one statement run in no set order, and writes such as outbox rows
     * must keep theirs. A statement a write may go with is a query, insert, update or delete, as PostgreSQL takes a
     * {@code with} part only in front of those: send anything else (DDL) before the write waits.
     */
    public void later(String sql, Object... parameters) {
        Waiting waiting = (Waiting) transactions.getResource(WAITING);
        if (waiting == null) {
            waiting = new Waiting();
            transactions.putResource(WAITING, waiting);
            whileTheSessionHoldsItsConnection(waiting::sendAlone);
        }
        waiting.sendAlone();
        waiting.sql = sql;
        waiting.parameters = Arrays.asList(parameters);
    }

    /**
     * Runs before commit among Hibernate's own before-completion work, while its session still holds the
     * transaction's connection (a JTA synchronization of ours could run after Hibernate had released it).
     */
    private void whileTheSessionHoldsItsConnection(Runnable beforeCommit) {
        entityManager.unwrap(SharedSessionContractImplementor.class).getTransactionCompletionCallbacks()
                .registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) session -> beforeCommit.run());
    }

    /** Sends the statement with the transaction's waiting write in front of it, in one round trip. */
    private <T> T send(String sql, Object[] parameters, Answer<T> answer) {
        Waiting waiting = transactions.getTransactionKey() == null ? null : (Waiting) transactions.getResource(WAITING);
        if (waiting == null || waiting.sql == null) {
            return execute(sql, Arrays.asList(parameters), answer);
        }
        // The waiting write's parameters come first in the text, so they are bound first.
        List<Object> allParameters = new ArrayList<>(waiting.parameters);
        allParameters.addAll(Arrays.asList(parameters));
        String combined = waiting.inFrontOf(sql);
        waiting.clear();
        return execute(combined, allParameters, answer);
    }

    private <T> T execute(String sql, List<Object> parameters, Answer<T> answer) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return answer.read(statement);
            }
        });
    }

    /** The write of a transaction that waits for its next statement, if any. */
    private final class Waiting {
        private String sql;
        private List<Object> parameters = List.of();

        /** The statement with the waiting write as a data-modifying {@code with} part, before its own if it has some. */
        String inFrontOf(String statement) {
            String trimmed = statement.stripLeading();
            String part = "with waiting_write as (" + sql + ")";
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("with ")) {
                return part + ",\n" + trimmed.substring("with ".length());
            }
            return part + "\n" + trimmed;
        }

        void sendAlone() {
            if (sql != null) {
                String alone = sql;
                List<Object> its = parameters;
                clear();
                execute(alone, its, PreparedStatement::executeUpdate);
            }
        }

        void clear() {
            sql = null;
            parameters = List.of();
        }
    }
}
