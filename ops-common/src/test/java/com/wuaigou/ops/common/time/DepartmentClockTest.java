package com.wuaigou.ops.common.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentClockTest {

    private static DepartmentClock clock(Optional<Instant> fixed) {
        return new DepartmentClock(new ClockConfig() {
            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Shanghai");
            }

            @Override
            public Optional<Instant> fixed() {
                return fixed;
            }
        });
    }

    @Test
    void shouldCountTodayInShanghaiWhereTheDateIsAheadOfUtc() {
        DepartmentClock pinned = clock(Optional.of(Instant.parse("2026-11-30T17:30:00Z")));

        assertThat(pinned.today()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(pinned.now()).isEqualTo(OffsetDateTime.of(2026, 11, 30, 17, 30, 0, 0, ZoneOffset.UTC));
        assertThat(pinned.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void shouldKeepThePinnedInstantWhileTimePasses() throws InterruptedException {
        DepartmentClock pinned = clock(Optional.of(Instant.parse("2026-11-30T15:59:59Z")));
        OffsetDateTime first = pinned.now();

        Thread.sleep(5);

        assertThat(pinned.now()).isEqualTo(first);
        assertThat(pinned.today()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void shouldFollowTheSystemClockWhenNothingIsPinned() {
        DepartmentClock system = clock(Optional.empty());

        assertThat(system.now().toInstant()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(system.now().getOffset()).isEqualTo(ZoneOffset.UTC);
    }
}
