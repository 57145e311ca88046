package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.bookkeeping.PrunedTable;
import com.wuaigou.ops.quota.config.QuotaBookkeepingConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The answers {@link WorkLogService} keeps per idempotency key, pruned by ops-common's bookkeeping pruner. */
@Dependent
public class IdempotentRequests {

    @Produces
    @Singleton
    static PrunedTable prunedTable(QuotaBookkeepingConfig config) {
        return new PrunedTable("idempotent_request", "created_at", config.idempotentRequestsHorizon());
    }
}
