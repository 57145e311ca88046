package com.wuaigou.ops.project.events;

import com.wuaigou.ops.common.events.CloudEvent;
import com.wuaigou.ops.common.events.EventReader;
import com.wuaigou.ops.common.events.ProcessedEvents;
import com.wuaigou.ops.project.service.RosterService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the roster copy from personnel-service's staff and group snapshots, each event applied once. */
@ApplicationScoped
public class RosterConsumer {

    static final String CONSUMER = "project.roster";
    static final String STAFF_CHANGED = "ops.personnel.staff.changed.v1";
    static final String GROUP_CHANGED = "ops.personnel.group.changed.v1";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final RosterService roster;

    RosterConsumer(EventReader reader, ProcessedEvents processed, RosterService roster) {
        this.reader = reader;
        this.processed = processed;
        this.roster = roster;
    }

    @Incoming("personnel-staff")
    @Transactional
    public void onStaff(String value) {
        CloudEvent event = reader.read(value);
        if (!STAFF_CHANGED.equals(event.type()) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        roster.apply(reader.data(event, StaffSnapshot.class));
    }

    @Incoming("personnel-groups")
    @Transactional
    public void onGroup(String value) {
        CloudEvent event = reader.read(value);
        if (!GROUP_CHANGED.equals(event.type()) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        roster.apply(reader.data(event, GroupSnapshot.class));
    }
}
