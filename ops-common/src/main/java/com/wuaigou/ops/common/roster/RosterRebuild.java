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

    /**
     * @param read    records read up to the captured end offsets
     * @param applied snapshots applied (first deliveries of staff and group snapshots)
     * @param skipped records that are not readable CloudEvents
     */
    public record Outcome(long read, long applied, long skipped) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Outcome rebuild() {
        roster.clear();
        long[] appliedAndSkipped = new long[2];
        long read = replay.replay(List.of(RosterService.GROUPS_TOPIC, RosterService.STAFF_TOPIC),
                config.rebuildTimeout(), record -> {
                    try {
                        if (roster.apply(record.value())) {
                            appliedAndSkipped[0]++;
                        }
                    } catch (IllegalArgumentException unreadable) {
                        LOG.warnf("Roster rebuild skips %s-%d@%d: %s", record.topic(), record.partition(),
                                record.offset(), unreadable.getMessage());
                        appliedAndSkipped[1]++;
                    }
                });
        LOG.infof("Roster replica rebuilt: %d records read, %d snapshots applied, %d unreadable", read,
                appliedAndSkipped[0], appliedAndSkipped[1]);
        return new Outcome(read, appliedAndSkipped[0], appliedAndSkipped[1]);
    }
}
