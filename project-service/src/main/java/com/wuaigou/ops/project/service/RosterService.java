package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.project.domain.RosterGroup;
import com.wuaigou.ops.project.domain.RosterStaff;
import com.wuaigou.ops.project.domain.StaffStatus;
import com.wuaigou.ops.project.events.GroupSnapshot;
import com.wuaigou.ops.project.events.StaffSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** The roster copy: applied from events, read while serving requests (no call to personnel-service). */
@ApplicationScoped
public class RosterService {

    /** Stores the snapshot unless the copy already holds this or a newer version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(StaffSnapshot snapshot) {
        RosterStaff staff = RosterStaff.findById(snapshot.id());
        if (staff == null) {
            staff = new RosterStaff();
            staff.id = snapshot.id();
        } else if (staff.version >= snapshot.version()) {
            return;
        }
        staff.employeeNumber = snapshot.employeeNumber();
        staff.name = snapshot.name();
        staff.groupCode = snapshot.groupCode();
        staff.groupRole = snapshot.groupRole();
        staff.status = StaffStatus.valueOf(snapshot.status());
        staff.version = snapshot.version();
        staff.persist();
    }

    /** Stores the snapshot unless the copy already holds this or a newer version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(GroupSnapshot snapshot) {
        RosterGroup group = RosterGroup.findById(snapshot.code());
        if (group == null) {
            group = new RosterGroup();
            group.code = snapshot.code();
        } else if (group.version >= snapshot.version()) {
            return;
        }
        group.nameEn = snapshot.nameEn();
        group.managerId = snapshot.managerId();
        group.version = snapshot.version();
        group.persist();
    }

    public Optional<RosterStaff> staff(long id) {
        return RosterStaff.findByIdOptional(id);
    }

    public Optional<RosterGroup> group(String code) {
        return RosterGroup.findByIdOptional(code);
    }

    /** The caller's current group, when the roster knows them. */
    public Optional<String> groupOf(long staffId) {
        return staff(staffId).map(s -> s.groupCode);
    }

    public boolean isManagerOf(long staffId, String groupCode) {
        return group(groupCode).map(g -> g.managerId != null && g.managerId == staffId).orElse(false);
    }

    public List<String> groupsManagedBy(long staffId) {
        return RosterGroup.<RosterGroup>list("managerId", staffId).stream().map(g -> g.code).toList();
    }

    public String nameOf(long staffId) {
        return staff(staffId).map(s -> s.name).orElse(null);
    }

    /** Why {@code staffId} cannot take part in a project, or empty when they are active staff known to the roster. */
    public Optional<Problem.FieldError> notActive(String field, long staffId) {
        Optional<RosterStaff> staff = staff(staffId);
        if (staff.isEmpty()) {
            return Optional.of(new Problem.FieldError(field, "staff " + staffId + " is not known to the roster"));
        }
        if (!staff.get().isActive()) {
            return Optional.of(new Problem.FieldError(field, "staff " + staffId + " is " + staff.get().status
                    + ", not ACTIVE"));
        }
        return Optional.empty();
    }
}
