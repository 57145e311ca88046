package com.wuaigou.ops.common.jdbc;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waiting writes ({@link TransactionSql#later}), mostly on the processed-event ledger, a table with a primary key. */
@QuarkusTest
class TransactionSqlTest {

    private static final String MARK = "insert into processed_event (consumer, event_id, processed_at) values (?, ?, ?)";
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 30, 1, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    TransactionSql sql;

    @Test
    void shouldSendAWaitingWriteWithTheNextStatementWhichDoesNotSeeItThoughTheOneAfterDoes() {
        String consumer = "later-" + UUID.randomUUID();

        List<Long> counts = QuarkusTransaction.requiringNew().call(() -> {
            sql.later(MARK, consumer, "a", AT);
            long withIt = count(consumer);
            long after = count(consumer);
            return List.of(withIt, after);
        });

        assertThat(counts).containsExactly(0L, 1L);
        assertThat(committed(consumer)).isEqualTo(1);
    }

    @Test
    void shouldKeepTheOrderOfWaitingWrites() {
        List<String> seen = QuarkusTransaction.requiringNew().call(() -> {
            sql.update("create temporary table written (seq integer generated always as identity, what text) on commit drop");
            String write = "insert into written (what) values (?)";
            sql.later(write, "first");
            sql.later(write, "second");
            sql.later(write, "third");
            String order = "select string_agg(what, ',' order by seq) from written";
            return List.of(sql.first(order, row -> row.getString(1)).orElseThrow(),
                    sql.first(order, row -> row.getString(1)).orElseThrow());
        });

        assertThat(seen).containsExactly("first,second", "first,second,third");
    }

    @Test
    void shouldGoInFrontOfAStatementWithItsOwnWithListAndKeepTheParametersInOrder() {
        String consumer = "later-" + UUID.randomUUID();

        int changed = QuarkusTransaction.requiringNew().call(() -> {
            sql.later(MARK, consumer, "first", AT);
            return sql.update("""
                    with marked as (select cast(? as varchar) as consumer, cast(? as varchar) as event_id)
                    insert into processed_event (consumer, event_id, processed_at)
                    select consumer, event_id, ? from marked""", consumer, "second", AT);
        });

        assertThat(changed).isEqualTo(1);
        assertThat(committed(consumer)).isEqualTo(2);
    }

    @Test
    void shouldWriteWhatStillWaitsBeforeCommit() {
        String consumer = "later-" + UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> {
            sql.later(MARK, consumer, "a", AT);
            sql.later(MARK, consumer, "b", AT);
            sql.later(MARK, consumer, "c", AT);
        });

        assertThat(committed(consumer)).isEqualTo(3);
    }

    @Test
    void shouldRollBackTheWholeTransactionWhenAWaitingWriteFailsAtCommit() {
        String consumer = "later-" + UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            sql.update(MARK, consumer, "kept-only-if-committed", AT);
            sql.later(MARK, consumer, "twice", AT);
            sql.later(MARK, consumer, "twice", AT);
        })).isInstanceOf(RuntimeException.class);

        assertThat(committed(consumer)).isZero();
    }

    private long count(String consumer) {
        return sql.first("select count(*) from processed_event where consumer = ?", row -> row.getLong(1), consumer)
                .orElseThrow();
    }

    private long committed(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> count(consumer));
    }
}
