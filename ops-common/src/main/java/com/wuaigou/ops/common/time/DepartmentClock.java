package com.wuaigou.ops.common.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Today and now as the department counts them: its days are days in {@code ops.clock.zone} (Asia/Shanghai, a day ahead
 * of UTC for eight hours of every day). Every decision a service takes by the date goes through here, so a test pins
 * {@code ops.clock.fixed} and never depends on the wall clock.
 */
@ApplicationScoped
public class DepartmentClock {

    private final Clock clock;

    DepartmentClock(ClockConfig config) {
        this.clock = config.fixed().map(instant -> Clock.fixed(instant, config.zone())).orElseGet(() -> Clock.system(config.zone()));
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** The department's date now. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Now, in UTC, for the times changes are stamped with. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
