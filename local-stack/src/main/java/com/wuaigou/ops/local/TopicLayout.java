package com.wuaigou.ops.local;

import java.util.Map;

/**
 * A topic's partition count and topic-level settings ({@code cleanup.policy}, {@code retention.ms}), as the AsyncAPI
 * document declares them or as a broker reports them, so the two can be compared.
 */
public record TopicLayout(int partitions, Map<String, String> configuration) {
}
