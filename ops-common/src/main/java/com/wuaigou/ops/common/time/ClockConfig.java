package com.wuaigou.ops.common.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** What "now" and "today" are for a service: the department's time zone, and in tests a pinned instant. */
@ConfigMapping(prefix = "ops.clock")
public interface ClockConfig {

    /** The department's time zone. Its days decide "today", a future date, overdue actions and expense months. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * An instant to take as now instead of the system clock, so that tests (and nothing in production) never depend
     * on the day they run.
     */
    Optional<Instant> fixed();
}
