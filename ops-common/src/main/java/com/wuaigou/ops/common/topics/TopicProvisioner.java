package com.wuaigou.ops.common.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Creates missing topics with their declared partitions and settings, and checks that existing ones agree with what
 * is declared. Safe when several instances start at once: a topic another instance created in the meantime counts as
 * there.
 */
public final class TopicProvisioner {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final Admin admin;
    private final short replicationFactor;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, short replicationFactor, Duration timeout) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    /**
     * Creates what is missing, then checks every topic against its spec.
     *
     * @throws IllegalStateException naming each topic, setting, live value and declared value that disagree
     */
    public void provision(List<TopicSpec> topics) {
        createMissing(topics);
        List<String> contradictions = contradictions(topics);
        if (!contradictions.isEmpty()) {
            throw new IllegalStateException("Kafka topics contradict docs/asyncapi.yaml, so the service does not start. "
                    + "Align the topics with the document (kafka-configs.sh --alter, kafka-topics.sh --alter), or change "
                    + "the document and DepartmentTopics together:\n  " + String.join("\n  ", contradictions));
        }
    }

    /** Creates the topics the broker does not have yet, leaving existing ones as they are. */
    public void createMissing(List<TopicSpec> topics) {
        List<NewTopic> requests = topics.stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(t.configuration()))
                .toList();
        admin.createTopics(requests).values().forEach((name, created) -> {
            try {
                await(created);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        });
    }

    /** What differs between the broker's topics and their specs: fewer partitions, another policy or retention. */
    public List<String> contradictions(List<TopicSpec> topics) {
        List<String> names = topics.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = awaitKnown(() -> admin.describeTopics(names).allTopicNames());
        Map<ConfigResource, Config> configs = awaitKnown(() -> admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all());
        List<String> contradictions = new ArrayList<>();
        for (TopicSpec spec : topics) {
            int partitions = descriptions.get(spec.name()).partitions().size();
            if (partitions < spec.partitions()) {
                contradictions.add("%s: partitions is %d, the document says %d"
                        .formatted(spec.name(), partitions, spec.partitions()));
            }
            Config live = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            spec.configuration().forEach((setting, declared) -> {
                String value = live.get(setting) == null ? null : live.get(setting).value();
                if (!comparable(setting, declared).equals(comparable(setting, value))) {
                    contradictions.add("%s: %s is %s, the document says %s".formatted(spec.name(), setting, value, declared));
                }
            });
        }
        return contradictions;
    }

    /** {@code cleanup.policy} is a list whose order means nothing. */
    private static String comparable(String setting, String value) {
        if (value == null || !TopicConfig.CLEANUP_POLICY_CONFIG.equals(setting)) {
            return String.valueOf(value);
        }
        return Arrays.stream(value.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    /** A topic created a moment ago may not be known to every part of the broker yet: ask again until it is. */
    private <T> T awaitKnown(Supplier<KafkaFuture<T>> request) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return await(request.get());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning Kafka topics", e);
        }
    }

    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning Kafka topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a topic request: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer a topic request within " + timeout, e);
        }
    }
}
