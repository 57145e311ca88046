package com.wuaigou.ops.local;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Test-side access to a topic: read what is on it, put copies back on it, and see how far a consumer group got. */
public final class TopicProbe {

    private final Map<String, String> clientProperties;

    public TopicProbe(String bootstrapServers) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** @param clientProperties how to reach the broker, for example {@link KafkaBroker#clientProperties()} */
    public TopicProbe(Map<String, String> clientProperties) {
        this.clientProperties = clientProperties;
    }

    /** Everything on {@code topic} right now, partition by partition in offset order. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Records on {@code topic} whose value matches. */
    public List<ConsumerRecord<String, String>> readAll(String topic, Predicate<String> value) {
        return readAll(topic).stream().filter(r -> value.test(r.value())).collect(Collectors.toList());
    }

    /** Sends copies of {@code records} again, same key, value and headers, as a redelivery would. */
    public void resend(List<ConsumerRecord<String, String>> records) {
        Map<String, Object> props = with(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (ConsumerRecord<String, String> record : records) {
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
    }

    /** Whether {@code group} has committed offsets up to the end of every partition of {@code topic}. */
    public boolean caughtUp(String group, String topic) {
        try (Admin admin = Admin.create(with(Map.of()));
             KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return partitions.stream().allMatch(p -> {
                long end = ends.get(p).offset();
                OffsetAndMetadata done = committed.get(p);
                return end == 0 || (done != null && done.offset() >= end);
            });
        } catch (Exception e) {
            return false;
        }
    }

    /** The topic's partition count and the broker's values of the given topic-level settings. */
    public TopicLayout layout(String topic, Set<String> settings) {
        try (Admin admin = Admin.create(with(Map.of()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            Map<String, String> configuration = new TreeMap<>();
            settings.forEach(setting -> configuration.put(setting, config.get(setting).value()));
            return new TopicLayout(partitions, configuration);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot describe topic " + topic, e);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(with(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)));
    }

    /** The connection settings plus a client's own. */
    private Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putAll(own);
        return props;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null) {
            return List.of();
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
    }
}
