package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.events.Outbox;
import com.wuaigou.ops.quota.domain.ItemAttainment;
import com.wuaigou.ops.quota.domain.ItemSpec;
import com.wuaigou.ops.quota.domain.Window;
import com.wuaigou.ops.quota.domain.WindowKind;
import com.wuaigou.ops.quota.domain.WorkingCalendar;
import com.wuaigou.ops.quota.events.QuotaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Emits a completion event the first time a person's or group's item is met for a window, and its reverse when a
 * later change undoes it; the last state sent is kept per subject, item and window.
 */
@ApplicationScoped
public class AttainmentEvents {

    private final AttainmentService attainment;
    private final CalendarService calendars;
    private final Outbox outbox;
    private final EntityManager entityManager;

    AttainmentEvents(AttainmentService attainment, CalendarService calendars, Outbox outbox, EntityManager entityManager) {
        this.attainment = attainment;
        this.calendars = calendars;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /** Re-judges the item for the people and dates a change touched, in the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reassess(ItemSpec item, Collection<Long> people, Collection<LocalDate> dates) {
        if (!item.shape().hasTarget()) {
            return;
        }
        entityManager.flush();
        WorkingCalendar calendar = calendars.calendar();
        Set<Window> windows = new LinkedHashSet<>();
        for (LocalDate date : dates) {
            for (WindowKind kind : WindowKind.values()) {
                windows.add(Window.of(kind, date));
            }
        }
        for (Window window : windows) {
            for (Long person : new LinkedHashSet<>(people)) {
                judge("PERSON", person.toString(), "staff", item, window, attainment.personItem(person, item, window, calendar));
            }
            judge("GROUP", item.groupCode(), "group", item, window, attainment.groupItem(item, window, calendar));
        }
    }

    private void judge(String subjectType, String subjectId, String aggregateType, ItemSpec item, Window window,
                       ItemAttainment figures) {
        boolean met = figures.status().isMet();
        Boolean previous = (Boolean) entityManager.createNativeQuery("""
                        select met from attainment_state where subject_type = :type and subject_id = :id
                        and item_id = :item and window_kind = :kind and window_start = :start""", Boolean.class)
                .setParameter("type", subjectType).setParameter("id", subjectId).setParameter("item", item.id())
                .setParameter("kind", window.kind().name()).setParameter("start", window.start())
                .getResultStream().findFirst().orElse(null);
        boolean wasMet = Boolean.TRUE.equals(previous);
        if (met == wasMet) {
            return;
        }
        entityManager.createNativeQuery("""
                        insert into attainment_state (subject_type, subject_id, item_id, window_kind, window_start, met)
                        values (:type, :id, :item, :kind, :start, :met)
                        on conflict (subject_type, subject_id, item_id, window_kind, window_start) do update set met = :met""")
                .setParameter("type", subjectType).setParameter("id", subjectId).setParameter("item", item.id())
                .setParameter("kind", window.kind().name()).setParameter("start", window.start())
                .setParameter("met", met)
                .executeUpdate();
        outbox.record(QuotaEvents.ATTAINMENT_TOPIC, met ? QuotaEvents.ATTAINMENT_MET : QuotaEvents.ATTAINMENT_UNMET,
                aggregateType, subjectId,
                QuotaEvents.AttainmentData.of(subjectType, subjectId, figures, window.kind(), window.start(), window.end()));
    }
}
