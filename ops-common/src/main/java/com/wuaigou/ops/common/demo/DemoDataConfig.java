package com.wuaigou.ops.common.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The fictional demo department (the local stack asks for it; production never does). */
@ConfigMapping(prefix = "ops.demo-data")
public interface DemoDataConfig {

    /**
     * Whether each service loads its part of the demo department at start: personnel-service the roster,
     * quota-service last month's assignments, work and lock, project-service projects in every phase.
     */
    @WithDefault("false")
    boolean enabled();

    /** How long quota- and project-service wait for the demo roster to reach their roster copy before loading for whoever came. */
    @WithDefault("3M")
    Duration rosterWait();
}
