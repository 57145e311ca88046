package com.wuaigou.ops.common.topics;

import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A topic as the department declares it: how many partitions, and whether the broker compacts it or deletes records
 * after a retention time.
 *
 * @param retention how long records are kept; {@code null} for a compacted topic, where the latest record per key stays
 */
public record TopicSpec(String name, int partitions, String cleanupPolicy, Duration retention) {

    /** Every record is a full snapshot of its key, so the latest one per key is all a consumer needs. */
    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, TopicConfig.CLEANUP_POLICY_COMPACT, null);
    }

    public static TopicSpec kept(String name, int partitions, Duration retention) {
        return new TopicSpec(name, partitions, TopicConfig.CLEANUP_POLICY_DELETE, retention);
    }

    /** The topic-level settings this spec fixes, as the broker names them. */
    public Map<String, String> configuration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
        if (retention != null) {
            configuration.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        return configuration;
    }
}
