package com.wuaigou.ops.common.roster;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the replica from personnel-service's topics. The service configures the two channels (topic, consumer group,
 * string deserializer); an unreadable record goes where the channel's failure strategy sends it.
 */
@IfBuildProperty(name = RosterConfig.REPLICA_ENABLED, stringValue = "true")
@ApplicationScoped
public class RosterConsumer {

    private final RosterService roster;

    RosterConsumer(RosterService roster) {
        this.roster = roster;
    }

    @Incoming("personnel-staff")
    @Transactional
    public void onStaff(String value) {
        roster.apply(value);
    }

    @Incoming("personnel-groups")
    @Transactional
    public void onGroup(String value) {
        roster.apply(value);
    }
}
