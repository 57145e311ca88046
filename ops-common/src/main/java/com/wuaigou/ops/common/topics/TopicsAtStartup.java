package com.wuaigou.ops.common.topics;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every service creates all the department's topics it finds missing, whoever produces them, so the order in which
 * services start does not matter, and the dead-letter topic of each of its own Kafka channels. This runs before the
 * messaging connector starts its consumers and dead-letter producers, which would otherwise let the broker create the
 * topics with its defaults. A topic that contradicts {@code docs/asyncapi.yaml} stops the start.
 */
@ApplicationScoped
public class TopicsAtStartup {

    private static final Logger LOG = Logger.getLogger(TopicsAtStartup.class);
    private static final Pattern KAFKA_CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.connector");
    private static final String CONNECTOR = "smallrye-kafka";
    private static final String DEAD_LETTER_QUEUE = "dead-letter-queue";
    private static final int DEAD_LETTER_PARTITIONS = 1;

    private final TopicsConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Config serviceConfig;

    TopicsAtStartup(TopicsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                    Config serviceConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.serviceConfig = serviceConfig;
    }

    /** Runs before SmallRye Reactive Messaging starts its channels (priority {@code LIBRARY_BEFORE}). */
    void provision(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Topic provisioning disabled on this instance");
            return;
        }
        try (Admin admin = Admin.create(adminProperties(kafkaConfig, config.timeout()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, config.replicationFactor(), config.timeout());
            provisioner.provision(DepartmentTopics.ALL);
            provisioner.createMissing(deadLetterTopics());
        }
        LOG.infof("Kafka topics as documented: %d department topics checked", DepartmentTopics.ALL.size());
    }

    /**
     * The service's Kafka client settings an admin client understands (bootstrap servers, security protocol, SASL,
     * SSL, DNS lookup, ...), so it reaches the broker exactly as the service's consumers do.
     */
    static Map<String, Object> adminProperties(Map<String, Object> kafkaConfig, Duration timeout) {
        Set<String> adminSettings = AdminClientConfig.configNames();
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (adminSettings.contains(name)) {
                props.put(name, value);
            }
        });
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "topic-provisioner");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return props;
    }

    /** {@code dead-letter-topic-<channel>} (or the channel's own dead-letter topic) of each Kafka channel that uses one. */
    List<TopicSpec> deadLetterTopics() {
        List<TopicSpec> topics = new ArrayList<>();
        for (String property : serviceConfig.getPropertyNames()) {
            Matcher channel = KAFKA_CHANNEL.matcher(property);
            if (!channel.matches() || !CONNECTOR.equals(serviceConfig.getOptionalValue(property, String.class).orElse(""))) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
            String strategy = serviceConfig.getOptionalValue(prefix + "failure-strategy", String.class)
                    .or(() -> serviceConfig.getOptionalValue("mp.messaging.connector." + CONNECTOR + ".failure-strategy",
                            String.class))
                    .orElse("");
            if (DEAD_LETTER_QUEUE.equals(strategy)) {
                String topic = serviceConfig.getOptionalValue(prefix + "dead-letter-queue.topic", String.class)
                        .orElse("dead-letter-topic-" + channel.group(1));
                topics.add(TopicSpec.kept(topic, DEAD_LETTER_PARTITIONS, config.deadLetterRetention()));
            }
        }
        return topics;
    }
}
