package com.wuaigou.ops.common.events;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelaySettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"ops\" password=\"secret\";";

    @Test
    void shouldGiveTheProducerTheServicesClientSettingsThatApplyToProducers() {
        Map<String, Object> service = Map.of(
                "bootstrap.servers", "kafka-1:9093,kafka-2:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "client.dns.lookup", "use_all_dns_ips",
                "group.id", "quota-service",
                "auto.offset.reset", "earliest");

        Map<String, Object> producer = OutboxRelay.producerProperties(service, Duration.ofSeconds(15));

        assertThat(producer)
                .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("client.dns.lookup", "use_all_dns_ips")
                .doesNotContainKeys("group.id", "auto.offset.reset");
        assertThat(ProducerConfig.configNames()).containsAll(producer.keySet());
    }

    @Test
    void shouldKeepTheRelaysOwnDeliveryGuaranteesWhateverTheServiceConfigures() {
        Map<String, Object> service = Map.of(
                "bootstrap.servers", "kafka:9092",
                "acks", "1",
                "enable.idempotence", "false",
                "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer",
                "transactional.id", "quota-service-tx");

        Map<String, Object> producer = OutboxRelay.producerProperties(service, Duration.ofSeconds(15));

        assertThat(producer)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000)
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }
}
