package com.wuaigou.ops.project.events;

import com.wuaigou.ops.common.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records project events in the outbox, in the transaction of the change. */
@ApplicationScoped
public class ProjectEvents {

    public static final String TOPIC = "ops.project.projects";
    public static final String PHASE_CHANGED = "ops.project.phase.changed.v1";
    public static final String CLOSED = "ops.project.closed.v1";
    public static final String CANCELLED = "ops.project.cancelled.v1";

    private final Outbox outbox;

    ProjectEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void phaseChanged(ProjectEventPayloads.PhaseChanged data) {
        outbox.record(TOPIC, PHASE_CHANGED, "project", Long.toString(data.projectId()), data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finished(ProjectEventPayloads.Finished data) {
        String type = "CLOSED".equals(data.outcome()) ? CLOSED : CANCELLED;
        outbox.record(TOPIC, type, "project", Long.toString(data.projectId()), data);
    }
}
