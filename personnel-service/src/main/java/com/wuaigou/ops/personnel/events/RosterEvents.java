package com.wuaigou.ops.personnel.events;

import com.wuaigou.ops.common.events.Outbox;
import com.wuaigou.ops.personnel.domain.DutyShift;
import com.wuaigou.ops.personnel.domain.Placement;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Records the roster's snapshot events in the outbox, in the transaction of the change. It flushes first, so the
 * snapshot carries the version the change produced.
 */
@ApplicationScoped
public class RosterEvents {

    private final Outbox outbox;
    private final EntityManager entityManager;

    RosterEvents(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void staffChanged(Staff staff) {
        entityManager.flush();
        List<StaffChanged.PlacementData> placements = Placement.history(staff.id).stream()
                .map(p -> new StaffChanged.PlacementData(p.groupCode, p.postCode, p.groupRole.name(), p.validFrom,
                        p.validTo))
                .toList();
        StaffChanged data = new StaffChanged(staff.id, staff.employeeNumber, staff.name, staff.groupCode,
                staff.postCode, staff.groupRole.name(), staff.status.name(), staff.statusSince, staff.hireDate,
                staff.developmentDirection, placements, staff.version);
        outbox.record(StaffChanged.TOPIC, StaffChanged.TYPE, StaffChanged.AGGREGATE, staff.id.toString(), data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void groupChanged(StaffGroup group) {
        entityManager.flush();
        outbox.record(GroupChanged.TOPIC, GroupChanged.TYPE, GroupChanged.AGGREGATE, group.code,
                new GroupChanged(group.code, group.nameZh, group.nameEn, group.core, group.managerId, group.version));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shiftChanged(DutyShift shift) {
        entityManager.flush();
        outbox.record(ShiftChanged.TOPIC, ShiftChanged.TYPE, ShiftChanged.AGGREGATE, shift.id.toString(),
                new ShiftChanged(shift.id, shift.date, shift.slot, shift.start.toString(), shift.end.toString(),
                        shift.place.name(), shift.staffId, shift.status.name(), shift.version));
    }
}
