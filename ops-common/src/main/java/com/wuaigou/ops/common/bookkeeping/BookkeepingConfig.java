package com.wuaigou.ops.common.bookkeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How often bookkeeping rows are pruned, and how long the consumer ledger and the idempotency keys keep them. */
@ConfigMapping(prefix = "ops.bookkeeping")
public interface BookkeepingConfig {

    /** Interval between prunes, such as {@code 1h}; {@code off} never prunes. */
    @WithDefault("1h")
    String every();

    /** How long {@code processed_event} keeps an event id after the consumer applied it. */
    @WithDefault("P30D")
    Duration processedEventsHorizon();

    /**
     * How long an {@code Idempotency-Key} is honoured: a retry within it gets the first answer back, and the stored
     * answer ({@code idempotency_key}) is pruned after it.
     */
    @WithDefault("P7D")
    Duration idempotentRequestsHorizon();
}
