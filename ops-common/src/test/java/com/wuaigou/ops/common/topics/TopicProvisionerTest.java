package com.wuaigou.ops.common.topics;

import com.wuaigou.ops.local.LocalInfraTestResource;
import com.wuaigou.ops.local.TopicLayout;
import com.wuaigou.ops.local.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the test broker, with topics of its own so the department's topics are left alone. */
@QuarkusTest
class TopicProvisionerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Set<String> SETTINGS = Set.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.RETENTION_MS_CONFIG);

    private Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @Test
    void shouldCreateMissingTopicsWithTheDeclaredPartitionsPolicyAndRetention() {
        TopicSpec snapshots = TopicSpec.compacted(fresh("snapshots"), 3);
        TopicSpec history = TopicSpec.kept(fresh("history"), 2, Duration.ofDays(366));

        provisioner().provision(List.of(snapshots, history));

        assertThat(probe().layout(snapshots.name(), Set.of(TopicConfig.CLEANUP_POLICY_CONFIG)))
                .isEqualTo(new TopicLayout(3, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")));
        assertThat(probe().layout(history.name(), SETTINGS)).isEqualTo(new TopicLayout(2,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete", TopicConfig.RETENTION_MS_CONFIG, "31622400000")));
    }

    @Test
    void shouldStartWhenAnotherInstanceCreatesTheSameTopicsAtTheSameTime() {
        List<TopicSpec> topics = List.of(TopicSpec.compacted(fresh("race-a"), 3), TopicSpec.compacted(fresh("race-b"), 3));

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> provisionAsAnInstanceOfItsOwn(topics));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> provisionAsAnInstanceOfItsOwn(topics));

        assertThatCode(() -> CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS)).doesNotThrowAnyException();
        assertThatCode(() -> provisioner().provision(topics)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToStartWhenATopicContradictsTheDocument() throws Exception {
        String staff = fresh("staff");
        createAsTheBrokerWould(staff, 1);

        assertThatThrownBy(() -> provisioner().provision(List.of(TopicSpec.compacted(staff, 3))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("contradict docs/asyncapi.yaml, so the service does not start")
                .hasMessageContaining(staff + ": partitions is 1, the document says 3")
                .hasMessageContaining(staff + ": cleanup.policy is delete, the document says compact");
    }

    @Test
    void shouldRefuseToStartWhenAHistoryTopicKeepsRecordsShorterThanDocumented() throws Exception {
        String worklogs = fresh("worklogs");
        createAsTheBrokerWould(worklogs, 3);

        assertThatThrownBy(() -> provisioner().provision(List.of(TopicSpec.kept(worklogs, 3, Duration.ofDays(366)))))
                .hasMessageContaining(worklogs + ": retention.ms is 604800000, the document says 31622400000");
    }

    @Test
    void shouldAcceptMorePartitionsThanDocumented() throws Exception {
        String periods = fresh("periods");
        admin.createTopics(List.of(new NewTopic(periods, 6, (short) 1).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "31622400000")))).all().get(20, TimeUnit.SECONDS);

        assertThatCode(() -> provisioner().provision(List.of(TopicSpec.kept(periods, 3, Duration.ofDays(366)))))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldCreateTheDeadLetterTopicOfEveryKafkaChannelAtStart() {
        assertThat(probe().layout("dead-letter-topic-notes", SETTINGS)).isEqualTo(new TopicLayout(1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete", TopicConfig.RETENTION_MS_CONFIG, "2592000000")));
    }

    @Test
    void shouldGiveTheAdminClientTheServicesConnectionAndSecuritySettingsOnly() {
        Map<String, Object> kafkaConfig = Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "client.dns.lookup", "use_all_dns_ips",
                "group.id", "quota-service.roster",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");

        assertThat(TopicsAtStartup.adminProperties(kafkaConfig, Duration.ofSeconds(30)))
                .containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("default.api.timeout.ms", 30_000)
                .doesNotContainKeys("group.id", "key.deserializer");
    }

    /** What broker auto-creation makes of a topic on the test broker: delete after the default 7 days. */
    private void createAsTheBrokerWould(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(20, TimeUnit.SECONDS);
    }

    private static void provisionAsAnInstanceOfItsOwn(List<TopicSpec> topics) {
        try (Admin own = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            new TopicProvisioner(own, (short) 1, TIMEOUT).provision(topics);
        }
    }

    private TopicProvisioner provisioner() {
        return new TopicProvisioner(admin, (short) 1, TIMEOUT);
    }

    private static TopicProbe probe() {
        return new TopicProbe(bootstrapServers());
    }

    private static String bootstrapServers() {
        return LocalInfraTestResource.kafka().bootstrapServers();
    }

    private static String fresh(String name) {
        return "ops.test." + name + "-" + UUID.randomUUID();
    }
}
