package com.wuaigou.ops.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReaderTest {

    private final EventReader reader = new EventReader(new ObjectMapper().findAndRegisterModules());

    record Payload(long id, String name) {
    }

    @Test
    void shouldReadAnEnvelopeAndItsTypedData() {
        CloudEvent<JsonNode> event = reader.read("""
                {"specversion":"1.0","id":"e-1","source":"/ops/test","type":"ops.test.thing.changed.v1",
                 "subject":"thing/7","time":"2026-11-26T08:00:00Z","datacontenttype":"application/json",
                 "data":{"id":7,"name":"seven"}}""");

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("ops.test.thing.changed.v1");
        assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2026-11-26T08:00:00Z"));
        assertThat(reader.data(event, Payload.class)).isEqualTo(new Payload(7, "seven"));
    }

    @Test
    void shouldRefuseWhatIsNotAnEnvelope() {
        assertThatThrownBy(() -> reader.read("{\"type\":\"x\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id and type are required");
        assertThatThrownBy(() -> reader.read("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.read("[1,2]")).isInstanceOf(IllegalArgumentException.class);
    }
}
