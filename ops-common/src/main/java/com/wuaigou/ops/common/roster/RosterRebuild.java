package com.wuaigou.ops.common.roster;

import com.wuaigou.ops.common.events.TopicReplay;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Rebuilds the replica from the start of the compacted roster topics: clears its tables and de-duplication ledger,
 * then applies {@code ops.personnel.groups} and {@code ops.personnel.staff} from the beginning up to the end offsets
 * seen at start, through {@link RosterService#apply(String)}. One transaction: a failure leaves the previous replica
 * in place, and live events wait on the replica's advisory lock until the rebuild commits.
 */
@IfBuildProperty(name = RosterConfig.REPLICA_ENABLED, stringValue = "true")
@ApplicationScoped
public class RosterRebuild {

    private static final Logger LOG = Logger.getLogger(RosterRebuild.class);

    private final RosterService roster;
    private final TopicReplay replay;
    private final RosterConfig config;

    RosterRebuild(RosterService roster, TopicReplay replay, RosterConfig config) {
        this.roster = roster;
        this.replay = replay;
        this.config = config;
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public TopicReplay.Outcome rebuild() {
        roster.clear();
        TopicReplay.Outcome outcome = replay.replay(List.of(RosterService.GROUPS_TOPIC, RosterService.STAFF_TOPIC),
                config.rebuildTimeout(), roster::apply);
        LOG.infof("Roster replica rebuilt: %s", outcome);
        return outcome;
    }
}
