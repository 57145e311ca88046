package com.wuaigou.ops.common.topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the topics a service creates and checks at start. */
@ConfigMapping(prefix = "ops.topics")
public interface TopicsConfig {

    /** Whether this instance creates missing topics and checks existing ones at start. */
    @WithDefault("true")
    boolean enabled();

    /** Copies of each partition of a topic it creates: 1 on a single broker, typically 3 in a production cluster. */
    @WithDefault("1")
    short replicationFactor();

    /** How long the broker may take to answer each step of provisioning before the service gives up starting. */
    @WithDefault("30s")
    Duration timeout();

    /** How long failed records stay on the dead-letter topics it creates. */
    @WithDefault("P30D")
    Duration deadLetterRetention();
}
