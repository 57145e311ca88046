package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.bookkeeping.BookkeepingPruner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled run is off in tests; the test prunes as of a pinned moment. */
@QuarkusTest
class IdempotentRequestPruningTest {

    /** Nine in the morning of a working day, department time. */
    private static final Instant NOW = LocalDateTime.of(2026, 11, 30, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();

    @Inject
    BookkeepingPruner pruner;

    @Inject
    DataSource dataSource;

    @Test
    void shouldForgetIdempotencyKeysOlderThanSevenDaysAndKeepNewerOnes() throws SQLException {
        long caller = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        request(caller, "past-horizon", NOW.minus(Duration.ofDays(7)).minusSeconds(1));
        request(caller, "within-horizon", NOW.minus(Duration.ofDays(6)));

        assertThat(pruner.prune(NOW)).containsKeys("processed_event", "idempotent_request");

        assertThat(keys(caller)).containsExactly("within-horizon");
    }

    private void request(long caller, String key, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into idempotent_request (caller_id, idem_key, request_hash, status, body, created_at)
                     values (?, ?, 'hash', 201, '{}', ?)""")) {
            insert.setLong(1, caller);
            insert.setString(2, key);
            insert.setObject(3, at.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private List<String> keys(long caller) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select idem_key from idempotent_request where caller_id = ?")) {
            select.setLong(1, caller);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }
}
