package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.personnel.config.ScorecardConfig;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

/**
 * Rebuilds the scorecard from the start of its topics: clears its tables and de-duplication ledger, then reads
 * {@code ops.quota.periods} and {@code ops.project.projects} from the beginning up to the end offsets seen at start,
 * through the live consumer's own code path. One transaction: a failure leaves the previous scorecard in place, and
 * live events wait on the ledger's advisory lock until the rebuild commits (those after the captured end offsets are
 * then applied by the live consumer as usual).
 */
@ApplicationScoped
public class ScorecardRebuild {

    private static final Logger LOG = Logger.getLogger(ScorecardRebuild.class);

    private final ScorecardLedger ledger;
    private final ScorecardConfig config;
    private final Map<String, Object> kafka;

    ScorecardRebuild(ScorecardLedger ledger, ScorecardConfig config,
                     @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.ledger = ledger;
        this.config = config;
        this.kafka = kafka;
    }

    /**
     * @param read    records read up to the captured end offsets
     * @param applied events that changed the scorecard (first deliveries of the types it uses)
     * @param skipped records that are not readable CloudEvents
     */
    public record Outcome(long read, long applied, long skipped) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Outcome rebuild() {
        ledger.clear();
        long read = 0;
        long applied = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(ScorecardLedger.PERIODS_TOPIC, ScorecardLedger.PROJECTS_TOPIC)) {
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
            Instant deadline = Instant.now().plus(config.rebuildTimeout());
            while (!unfinished.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Rebuild did not reach the end of " + unfinished + " within "
                            + config.rebuildTimeout());
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue;
                    }
                    read++;
                    ScorecardLedger.ScorecardEvent event;
                    try {
                        event = ledger.parse(record.value());
                    } catch (IllegalArgumentException unreadable) {
                        LOG.warnf("Rebuild skips %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                                unreadable.getMessage());
                        skipped++;
                        continue;
                    }
                    if (ledger.apply(event)) {
                        applied++;
                    }
                }
                unfinished.removeIf(p -> consumer.position(p) >= ends.get(p));
            }
        }
        LOG.infof("Scorecard rebuilt: %d records read, %d events applied, %d unreadable", read, applied, skipped);
        return new Outcome(read, applied, skipped);
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        kafka.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                properties.put(key, value);
            }
        });
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}
