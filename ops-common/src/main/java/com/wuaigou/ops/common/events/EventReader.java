package com.wuaigou.ops.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/** Turns Kafka record values back into envelopes and their payloads into typed objects. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper objectMapper;

    EventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * Reads an envelope. The tree is taken apart by hand rather than bound to the record: binding a record with a
     * {@code JsonNode} component failed intermittently when several consumers read their first events at once.
     */
    public CloudEvent<JsonNode> read(String json) {
        JsonNode tree;
        try {
            tree = objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a CloudEvent: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.hasNonNull("id") || !tree.hasNonNull("type")) {
            throw new IllegalArgumentException("Not a CloudEvent: id and type are required");
        }
        return new CloudEvent<>(text(tree, "specversion"), text(tree, "id"), text(tree, "source"), text(tree, "type"),
                text(tree, "subject"), tree.hasNonNull("time") ? OffsetDateTime.parse(tree.get("time").asText()) : null,
                text(tree, "datacontenttype"), tree.get("data"));
    }

    private static String text(JsonNode tree, String field) {
        return tree.hasNonNull(field) ? tree.get(field).asText() : null;
    }

    public <T> T data(CloudEvent<JsonNode> event, Class<T> type) {
        try {
            return objectMapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type()
                    + " has unreadable data: " + e.getOriginalMessage(), e);
        }
    }
}
