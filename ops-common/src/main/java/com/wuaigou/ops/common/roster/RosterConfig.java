package com.wuaigou.ops.common.roster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The roster replica's settings ({@code ops.roster.*}). */
@ConfigMapping(prefix = "ops.roster")
public interface RosterConfig {

    /** The build-time switch that puts the replica (consumer, service, endpoints) into a service. */
    String REPLICA_ENABLED = "ops.roster.replica.enabled";

    Replica replica();

    /** Upper bound for reading both roster topics to their end during a rebuild. */
    @WithDefault("5M")
    Duration rebuildTimeout();

    interface Replica {

        /** Read at build time: only services that keep a replica set it; personnel-service has the roster itself. */
        @WithDefault("false")
        boolean enabled();
    }
}
