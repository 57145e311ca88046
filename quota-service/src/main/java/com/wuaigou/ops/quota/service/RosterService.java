package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.quota.domain.RosterGroup;
import com.wuaigou.ops.quota.domain.RosterPlacement;
import com.wuaigou.ops.quota.domain.RosterStaff;
import com.wuaigou.ops.quota.domain.StaffStatus;
import com.wuaigou.ops.quota.domain.Window;
import com.wuaigou.ops.quota.events.RosterPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The roster copy: who exists, who has left, who belongs to and manages which group. */
@ApplicationScoped
public class RosterService {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(RosterPayloads.StaffChanged data) {
        RosterStaff staff = RosterStaff.findById(data.id());
        if (staff != null && staff.version >= data.version()) {
            return;
        }
        if (staff == null) {
            staff = new RosterStaff();
            staff.id = data.id();
        }
        staff.employeeNumber = data.employeeNumber();
        staff.name = data.name();
        staff.groupCode = data.groupCode();
        staff.postCode = data.postCode();
        staff.groupRole = data.groupRole();
        staff.status = StaffStatus.valueOf(data.status());
        staff.statusSince = data.statusSince();
        staff.hireDate = data.hireDate();
        staff.version = data.version();
        staff.placements.clear();
        if (data.placements() != null) {
            for (RosterPayloads.Placement p : data.placements()) {
                RosterPlacement placement = new RosterPlacement();
                placement.staff = staff;
                placement.groupCode = p.groupCode();
                placement.postCode = p.postCode();
                placement.groupRole = p.groupRole();
                placement.fromDate = p.from();
                placement.toDate = p.to();
                staff.placements.add(placement);
            }
        }
        staff.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(RosterPayloads.GroupChanged data) {
        RosterGroup group = RosterGroup.findById(data.code());
        if (group != null && group.version >= data.version()) {
            return;
        }
        if (group == null) {
            group = new RosterGroup();
            group.code = data.code();
        }
        group.nameZh = data.nameZh();
        group.nameEn = data.nameEn();
        group.core = data.core();
        group.managerId = data.managerId();
        group.version = data.version();
        group.persist();
    }

    public Optional<RosterStaff> find(long staffId) {
        return RosterStaff.findByIdOptional(staffId);
    }

    /** A person work can be recorded for: known and not departed; refused with a problem naming {@code field}. */
    public RosterStaff requireWorking(long staffId, String field) {
        RosterStaff staff = find(staffId).orElseThrow(() -> ProblemException.ruleViolation("unknown-staff",
                "No staff member with id " + staffId + " is known", List.of(new Problem.FieldError(field, "unknown staff id"))));
        if (staff.hasLeft()) {
            throw ProblemException.ruleViolation("staff-left", "Staff member " + staffId + " has left the department",
                    List.of(new Problem.FieldError(field, "has left")));
        }
        return staff;
    }

    public boolean groupExists(String code) {
        return RosterGroup.findByIdOptional(code).isPresent()
                || RosterStaff.count("groupCode", code) > 0;
    }

    /** Managers come from the group's managerId or from a staff snapshot with role MANAGER in that group. */
    public boolean isManagerOf(long staffId, String groupCode) {
        RosterGroup group = RosterGroup.findById(groupCode);
        if (group != null && group.managerId != null && group.managerId == staffId) {
            return true;
        }
        return find(staffId).map(s -> RosterStaff.MANAGER_ROLE.equals(s.groupRole) && groupCode.equals(s.groupCode)
                && !s.hasLeft()).orElse(false);
    }

    /** Everyone placed in the group at some time within the window. */
    public List<RosterStaff> membersDuring(String groupCode, Window window) {
        List<RosterStaff> candidates = RosterStaff.find("""
                        select distinct s from RosterStaff s left join fetch s.placements
                        where s.groupCode = ?1 or exists (select p from RosterPlacement p where p.staff = s and p.groupCode = ?1)""",
                groupCode).list();
        return candidates.stream().filter(s -> s.memberBetween(groupCode, window.start(), window.end()))
                .sorted(Comparator.comparing(s -> s.id)).toList();
    }
}
