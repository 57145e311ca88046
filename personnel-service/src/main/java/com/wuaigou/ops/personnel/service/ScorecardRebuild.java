package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.events.TopicReplay;
import com.wuaigou.ops.personnel.config.ScorecardConfig;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Rebuilds the scorecard from the start of its topics: clears its tables and de-duplication ledger, then reads
 * {@code ops.quota.periods} and {@code ops.project.projects} from the beginning up to the end offsets seen at start,
 * through the live consumer's own code path. One transaction: a failure leaves the previous scorecard in place, and
 * live events wait on the ledger's advisory lock until the rebuild commits (those after the captured end offsets are
 * then applied by the live consumer as usual).
 */
@ApplicationScoped
public class ScorecardRebuild {

    private static final Logger LOG = Logger.getLogger(ScorecardRebuild.class);

    private final ScorecardLedger ledger;
    private final ScorecardConfig config;
    private final TopicReplay replay;

    ScorecardRebuild(ScorecardLedger ledger, ScorecardConfig config, TopicReplay replay) {
        this.ledger = ledger;
        this.config = config;
        this.replay = replay;
    }

    /** How many records were read, how many events changed the scorecard, how many were unreadable. */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public TopicReplay.Outcome rebuild() {
        ledger.clear();
        TopicReplay.Outcome outcome = replay.replay(List.of(ScorecardLedger.PERIODS_TOPIC, ScorecardLedger.PROJECTS_TOPIC),
                config.rebuildTimeout(), value -> ledger.apply(ledger.parse(value)));
        LOG.infof("Scorecard rebuilt: %s", outcome);
        return outcome;
    }
}
