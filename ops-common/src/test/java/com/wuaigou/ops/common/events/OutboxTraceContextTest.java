package com.wuaigou.ops.common.events;

import com.wuaigou.ops.common.fixture.NoteService;
import com.wuaigou.ops.local.DevTokens;
import com.wuaigou.ops.local.LocalInfraTestResource;
import com.wuaigou.ops.local.TopicProbe;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxTraceContextTest {

    private static final String STAFF = DevTokens.mint(12, "staff");

    @Inject
    InMemorySpanExporter spans;

    @Inject
    NoteService notes;

    private TopicProbe topic() {
        return new TopicProbe(LocalInfraTestResource.kafka().bootstrapServers());
    }

    @Test
    void shouldContinueTheRecordingRequestsTraceInTheConsumer() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String text = "traced-" + UUID.randomUUID();

        given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
                .post("/api/v1/notes")
                .then().statusCode(201);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> topic().readAll(NoteService.TOPIC, v -> v.contains(text)), r -> r.size() == 1);
        SpanData request = await().atMost(Duration.ofSeconds(20))
                .until(() -> span(traceId, SpanKind.SERVER), s -> s != null);
        SpanData consumer = await().atMost(Duration.ofSeconds(20))
                .until(() -> span(traceId, SpanKind.CONSUMER), s -> s != null);

        assertThat(header(records.get(0), "traceparent"))
                .isEqualTo("00-" + traceId + "-" + request.getSpanId() + "-01");
        assertThat(consumer.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(consumer.getAttributes().asMap().values()).contains(NoteService.TOPIC);
    }

    @Test
    void shouldSendNoTraceContextForAnEventRecordedOutsideATrace() {
        String text = "untraced-" + UUID.randomUUID();
        notes.create(text);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> topic().readAll(NoteService.TOPIC, v -> v.contains(text)), r -> r.size() == 1);

        assertThat(records.get(0).headers().lastHeader("traceparent")).isNull();
        assertThat(records.get(0).headers().lastHeader("tracestate")).isNull();
    }

    private SpanData span(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind)
                .findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
