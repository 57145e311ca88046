package com.wuaigou.ops.common.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads topics from their beginning up to the end offsets they had when the read began, with a plain Kafka consumer
 * outside any consumer group, so that a rebuild can pass each record through its live consumer's code path. Records
 * published meanwhile are left to the live consumer.
 */
@ApplicationScoped
public class TopicReplay {

    private static final Logger LOG = Logger.getLogger(TopicReplay.class);

    private final Map<String, Object> kafkaConfig;

    TopicReplay(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /**
     * @param read    records read up to the captured end offsets
     * @param applied records the consumer applied
     * @param skipped records that are not readable events, left out
     */
    public record Outcome(long read, long applied, long skipped) {
    }

    /**
     * Hands the value of every record up to the captured end offsets to {@code apply}, in order within each partition.
     * {@code apply} answers whether it applied the record, and throws {@link IllegalArgumentException} for one it
     * cannot read, which is logged and left out.
     *
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public Outcome replay(List<String> topics, Duration timeout, Predicate<String> apply) {
        long read = 0;
        long applied = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(kafkaConfig))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<TopicPartition> unfinished = new HashSet<>(partitions);
            unfinished.removeIf(p -> consumer.position(p) >= ends.get(p));
            Instant deadline = Instant.now().plus(timeout);
            while (!unfinished.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Replay did not reach the end of " + unfinished + " within "
                            + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    read++;
                    try {
                        if (apply.test(record.value())) {
                            applied++;
                        }
                    } catch (IllegalArgumentException unreadable) {
                        LOG.warnf("Replay skips %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                                unreadable.getMessage());
                        skipped++;
                    }
                }
                unfinished.removeIf(p -> consumer.position(p) >= ends.get(p));
            }
        }
        return new Outcome(read, applied, skipped);
    }

    /**
     * The service's Kafka client settings a consumer understands (bootstrap servers, security, SASL, SSL, ...), with
     * no consumer group: offsets are neither read nor committed.
     */
    static Map<String, Object> consumerProperties(Map<String, Object> clientSettings) {
        Map<String, Object> props = new HashMap<>();
        Set<String> consumerKeys = ConsumerConfig.configNames();
        clientSettings.forEach((key, value) -> {
            if (consumerKeys.contains(key)) {
                props.put(key, value);
            }
        });
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }
}
