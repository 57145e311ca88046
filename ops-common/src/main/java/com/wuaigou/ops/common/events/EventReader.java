package com.wuaigou.ops.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns Kafka record values back into envelopes and their payloads into typed objects. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper objectMapper;

    EventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public CloudEvent read(String json) {
        try {
            CloudEvent event = objectMapper.readValue(json, CloudEvent.class);
            if (event.id() == null || event.type() == null) {
                throw new IllegalArgumentException("Not a CloudEvent: id and type are required");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a CloudEvent: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return objectMapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type()
                    + " has unreadable data: " + e.getOriginalMessage(), e);
        }
    }
}
