package com.wuaigou.ops.common.bookkeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How often bookkeeping rows are pruned, and how long the consumer de-duplication ledger keeps them. */
@ConfigMapping(prefix = "ops.bookkeeping")
public interface BookkeepingConfig {

    /** Interval between prunes, such as {@code 1h}; {@code off} never prunes. */
    @WithDefault("1h")
    String every();

    /** How long {@code processed_event} keeps an event id after the consumer applied it. */
    @WithDefault("P30D")
    Duration processedEventsHorizon();
}
