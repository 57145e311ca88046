package com.wuaigou.ops.local;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack keeps its data: a restarted server or broker still has what it had. */
class KeptDataTest {

    @TempDir
    Path data;

    @Test
    void shouldKeepDatabaseRowsAcrossARestart() throws Exception {
        int port = KafkaBroker.freePort();
        try (PostgresServer postgres = PostgresServer.startPersistent(data.resolve("postgres"), port)) {
            postgres.ensureDatabase("kept");
            execute(postgres, "create table memo (text varchar(20)); insert into memo values ('still here')");
        }
        try (PostgresServer postgres = PostgresServer.startPersistent(data.resolve("postgres"), port)) {
            postgres.ensureDatabase("kept");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("kept"), PostgresServer.USER, "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select text from memo")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
            }
        }
    }

    @Test
    void shouldKeepTopicRecordsAcrossABrokerRestartOnTheSamePort() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"), 0)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.ACKS_CONFIG, "all"))) {
                producer.send(new ProducerRecord<>("kept.records", "k", "before restart")).get(30, TimeUnit.SECONDS);
            }
            int port = broker.port();

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            assertThat(broker.port()).isEqualTo(port);
            assertThat(new TopicProbe(broker.bootstrapServers()).readAll("kept.records"))
                    .extracting(record -> record.value())
                    .containsExactly("before restart");
        }
    }

    private static void execute(PostgresServer postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("kept"), PostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
