package com.wuaigou.ops.common.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay and of the events a service produces. */
@ConfigMapping(prefix = "ops.events")
public interface EventsConfig {

    /** CloudEvents {@code source} of every event this service produces, for example /ops/personnel-service. */
    String source();

    Relay relay();

    interface Relay {
        /** Whether this instance relays outbox rows to Kafka. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long the relay sleeps when the outbox is empty and nothing wakes it; also how often a standby instance
         * tries to take over relaying.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * The shortest time from one relay pass to the next when commits wake it: under load the commits arriving
         * meanwhile go to Kafka in the same pass, one pass (four statements and one acknowledged send) per linger
         * instead of one per commit, while a commit after a quiet spell is sent at once. Adds at most this much to an
         * event's way to Kafka; 0 runs a pass for each wake-up.
         */
        @WithDefault("20ms")
        Duration linger();

        /** Outbox rows sent per transaction (the relay marks them published in one statement). */
        @WithDefault("1000")
        int batchSize();

        /** First pause after a failed send; doubled on each further failure. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Longest pause between tries while the broker is unreachable. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** How long a send may take, broker acknowledgement included, before it counts as failed. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** Published rows older than this are deleted. */
        @WithDefault("P7D")
        Duration retention();
    }
}
