package com.wuaigou.ops.quota.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** quota-service's own bookkeeping setting, beside ops-common's under the same prefix. */
@ConfigMapping(prefix = "ops.bookkeeping")
public interface QuotaBookkeepingConfig {

    /**
     * How long an {@code Idempotency-Key} is honoured: a retry within it gets the first answer back, and its stored
     * answer is pruned after it.
     */
    @WithDefault("P7D")
    Duration idempotentRequestsHorizon();
}
