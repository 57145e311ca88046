package com.wuaigou.ops.project.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.common.events.ProcessedEvents;
import com.wuaigou.ops.project.service.RosterService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the roster copy from personnel-service's staff and group snapshots, each event applied once.
 * The envelope is read as a tree rather than into ops-common's CloudEvent record: under load the two channels'
 * first concurrent reads of that record were seen to leave a broken deserializer of its JsonNode field behind,
 * sending every later roster event to the dead-letter topic.
 */
@ApplicationScoped
public class RosterConsumer {

    static final String CONSUMER = "project.roster";
    static final String STAFF_CHANGED = "ops.personnel.staff.changed.v1";
    static final String GROUP_CHANGED = "ops.personnel.group.changed.v1";

    private final ObjectMapper objectMapper;
    private final ProcessedEvents processed;
    private final RosterService roster;

    RosterConsumer(ObjectMapper objectMapper, ProcessedEvents processed, RosterService roster) {
        this.objectMapper = objectMapper;
        this.processed = processed;
        this.roster = roster;
    }

    @Incoming("personnel-staff")
    @Transactional
    public void onStaff(String value) throws JsonProcessingException {
        JsonNode event = envelope(value);
        if (!STAFF_CHANGED.equals(event.get("type").asText())
                || !processed.firstDelivery(CONSUMER, event.get("id").asText())) {
            return;
        }
        roster.apply(objectMapper.treeToValue(event.get("data"), StaffSnapshot.class));
    }

    @Incoming("personnel-groups")
    @Transactional
    public void onGroup(String value) throws JsonProcessingException {
        JsonNode event = envelope(value);
        if (!GROUP_CHANGED.equals(event.get("type").asText())
                || !processed.firstDelivery(CONSUMER, event.get("id").asText())) {
            return;
        }
        roster.apply(objectMapper.treeToValue(event.get("data"), GroupSnapshot.class));
    }

    private JsonNode envelope(String value) throws JsonProcessingException {
        JsonNode event = objectMapper.readTree(value);
        if (event == null || !event.hasNonNull("id") || !event.hasNonNull("type") || !event.hasNonNull("data")) {
            throw new IllegalArgumentException("Not a roster CloudEvent: id, type and data are required");
        }
        return event;
    }
}
