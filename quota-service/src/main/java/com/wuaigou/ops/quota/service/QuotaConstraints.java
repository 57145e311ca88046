package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.problem.ConstraintConflict;
import com.wuaigou.ops.common.problem.ConstraintConflicts;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The catalog's, calendar's and locks' rules the database enforces too. When two requests race past the services'
 * checks, the loser's violation, found in a statement, at a flush or at commit, answers 409 naming what collided.
 */
@ApplicationScoped
public class QuotaConstraints implements ConstraintConflicts {

    @Override
    public List<ConstraintConflict> all() {
        return List.of(
                new ConstraintConflict("period_lock_one_active", "already-locked",
                        "The group's period was locked by a concurrent request"),
                new ConstraintConflict("quota_item_code_key", "duplicate-code",
                        "An item with this code was added by a concurrent request"),
                new ConstraintConflict("quota_target_item_id_effective_from_key", "concurrent-modification",
                        "The item's number from this date was recorded by a concurrent request; read the item again"),
                new ConstraintConflict("calendar_day_pkey", "concurrent-modification",
                        "The day was marked by a concurrent request; read the calendar again"));
    }
}
