package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.concurrency.Preconditions;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.personnel.domain.GroupRole;
import com.wuaigou.ops.personnel.domain.Placement;
import com.wuaigou.ops.personnel.domain.Post;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffGroup;
import com.wuaigou.ops.personnel.domain.StaffStatus;
import com.wuaigou.ops.personnel.events.RosterEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static com.wuaigou.ops.personnel.service.RosterRules.*;

/** People, their placements and the rules that tie them to groups. Every change records one staff snapshot event. */
@ApplicationScoped
public class StaffService {

    private final RosterEvents events;
    private final AccessPolicy access;
    private final DepartmentClock clock;
    private final EntityManager entityManager;

    StaffService(RosterEvents events, AccessPolicy access, DepartmentClock clock, EntityManager entityManager) {
        this.events = events;
        this.access = access;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /** What a new person starts with; {@code status} and {@code statusSince} default to active since the hire date. */
    public record NewStaff(String employeeNumber, String name, String groupCode, String postCode, GroupRole groupRole,
                           StaffStatus status, LocalDate statusSince, LocalDate hireDate, String developmentDirection,
                           Contact contact, boolean demo) {
    }

    public record Contact(String phone, String qq, String email) {
    }

    public record Details(String employeeNumber, String name, String developmentDirection, Contact contact) {
    }

    public record Move(String groupCode, String postCode, GroupRole groupRole, LocalDate effectiveFrom) {
    }

    public Staff get(long id) {
        Staff staff = Staff.findById(id);
        if (staff == null) {
            throw ProblemException.notFound("staff member", id);
        }
        return staff;
    }

    /** Adds a person; with {@code fixedId} the person keeps that id (the demo roster's ids are fixed). */
    @Transactional
    public Staff create(NewStaff command, Long fixedId) {
        requireUniqueEmployeeNumber(command.employeeNumber(), null);
        StaffGroup group = existingGroup(command.groupCode(), "groupCode");
        requirePostInGroup(command.postCode(), group.code);
        StaffStatus status = command.status() == null ? StaffStatus.ACTIVE : command.status();
        LocalDate statusSince = command.statusSince() == null ? command.hireDate() : command.statusSince();
        if (statusSince.isBefore(command.hireDate())) {
            throw ProblemException.ruleViolation(STATUS_DATE_IN_PLACEMENT, "The status date " + statusSince
                    + " is before the hire date " + command.hireDate(),
                    List.of(new Problem.FieldError("statusSince", "must not be before hireDate")));
        }
        if (status == StaffStatus.LEFT && !statusSince.isAfter(command.hireDate())) {
            throw ProblemException.ruleViolation(STATUS_DATE_IN_PLACEMENT, "A leaver's leaving date must be after the"
                    + " hire date", List.of(new Problem.FieldError("statusSince", "must be after hireDate")));
        }

        Staff staff = fixedId == null ? new Staff() : insertWithId(fixedId, command);
        staff.employeeNumber = command.employeeNumber();
        staff.name = command.name();
        staff.groupCode = group.code;
        staff.postCode = command.postCode();
        staff.groupRole = command.groupRole();
        staff.status = status;
        staff.statusSince = statusSince;
        staff.hireDate = command.hireDate();
        staff.developmentDirection = command.developmentDirection();
        setContact(staff, command.contact());
        staff.demo = command.demo();
        staff.updatedAt = clock.now();
        if (fixedId == null) {
            staff.persist();
        }

        Placement placement = new Placement();
        placement.staffId = staff.id;
        placement.groupCode = staff.groupCode;
        placement.postCode = staff.postCode;
        placement.groupRole = staff.groupRole;
        placement.validFrom = staff.hireDate;
        placement.validTo = status == StaffStatus.LEFT ? statusSince.minusDays(1) : null;
        placement.persist();

        if (staff.groupRole == GroupRole.MANAGER) {
            takeOverGroup(group, staff);
        }
        events.staffChanged(staff);
        return staff;
    }

    /** Adds a person with a fixed id unless that id or employee number exists; for the demo roster at every start. */
    @Transactional
    public boolean createIfAbsent(NewStaff command, long fixedId) {
        if (Staff.findById(fixedId) != null || Staff.findByEmployeeNumber(command.employeeNumber()).isPresent()) {
            return false;
        }
        create(command, fixedId);
        return true;
    }

    @Transactional
    public Staff updateDetails(long id, String ifMatch, Details command) {
        Staff staff = get(id);
        Preconditions.requireCurrent(ifMatch, "Staff member " + id, staff.version);
        requireUniqueEmployeeNumber(command.employeeNumber(), staff.id);
        staff.employeeNumber = command.employeeNumber();
        staff.name = command.name();
        staff.developmentDirection = command.developmentDirection();
        setContact(staff, command.contact());
        return changed(staff);
    }

    /** The group's manager (or a director or admin) sets what a person is being developed towards. */
    @Transactional
    public Staff changeDevelopmentDirection(long id, String ifMatch, String direction) {
        Staff staff = get(id);
        access.requireSupervise(staff.groupCode);
        Preconditions.requireCurrent(ifMatch, "Staff member " + id, staff.version);
        staff.developmentDirection = direction;
        return changed(staff);
    }

    /**
     * Active, on leave or left, from a date. Leaving closes the placement on the day before; it is final. A manager
     * stays an active member, so a manager's group needs another manager (or none) before its manager goes away.
     */
    @Transactional
    public Staff changeStatus(long id, String ifMatch, StaffStatus status, LocalDate since) {
        Staff staff = get(id);
        Preconditions.requireCurrent(ifMatch, "Staff member " + id, staff.version);
        if (staff.status == StaffStatus.LEFT) {
            throw ProblemException.ruleViolation(LEFT_IS_FINAL, "Staff member " + id + " has left the department;"
                    + " a returning person is hired again under a new record");
        }
        if (status != StaffStatus.ACTIVE && staff.groupRole == GroupRole.MANAGER) {
            throw ProblemException.ruleViolation(MANAGER_MUST_BE_ACTIVE_MEMBER, "Staff member " + id
                    + " manages group " + staff.groupCode + "; appoint another manager or clear it first");
        }
        Placement current = Placement.latest(staff.id).orElseThrow();
        if (since.isBefore(current.validFrom) || (status == StaffStatus.LEFT && !since.isAfter(current.validFrom))) {
            throw ProblemException.ruleViolation(STATUS_DATE_IN_PLACEMENT, "The status date " + since
                    + " must fall after the current placement's start " + current.validFrom,
                    List.of(new Problem.FieldError("since", "must be after " + current.validFrom)));
        }
        if (status == StaffStatus.LEFT) {
            current.validTo = since.minusDays(1);
        }
        staff.status = status;
        staff.statusSince = since;
        return changed(staff);
    }

    /**
     * Moves a person to a group, post and role from a date (today or earlier). The placement before it ends the day
     * before; a move dated on the current placement's first day corrects that placement. Leaving a group one manages
     * leaves it without a manager.
     */
    @Transactional
    public Staff move(long id, String ifMatch, Move command) {
        Staff staff = get(id);
        Preconditions.requireCurrent(ifMatch, "Staff member " + id, staff.version);
        Preconditions.hold(entityManager, staff);
        if (staff.status == StaffStatus.LEFT) {
            throw ProblemException.ruleViolation(LEFT_IS_FINAL, "Staff member " + id + " has left the department");
        }
        if (command.effectiveFrom().isAfter(clock.today())) {
            throw ProblemException.ruleViolation(NO_FUTURE_MOVES, "A move takes effect today or earlier, not on "
                    + command.effectiveFrom(), List.of(new Problem.FieldError("effectiveFrom", "must not be in the future")));
        }
        StaffGroup target = existingGroup(command.groupCode(), "groupCode");
        requirePostInGroup(command.postCode(), target.code);
        boolean stillManagesOldGroup = target.code.equals(staff.groupCode) && command.groupRole() == GroupRole.MANAGER;
        if (staff.groupRole == GroupRole.MANAGER && !stillManagesOldGroup) {
            StaffGroup old = StaffGroup.findById(staff.groupCode);
            if (Objects.equals(old.managerId, staff.id)) {
                old.managerId = null;
                old.updatedAt = clock.now();
                events.groupChanged(old);
            }
        }
        place(staff, target.code, command.postCode(), command.groupRole(), command.effectiveFrom());
        if (command.groupRole() == GroupRole.MANAGER) {
            takeOverGroup(target, staff);
        }
        return changed(staff);
    }

    /**
     * Makes {@code newManagerId} the group's manager from today, or leaves it without one when null; the previous
     * manager becomes a member. Records the snapshots of everyone whose role changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceManager(StaffGroup group, Long newManagerId) {
        if (Objects.equals(group.managerId, newManagerId)) {
            return;
        }
        Staff successor = null;
        if (newManagerId != null) {
            successor = Staff.findById(newManagerId);
            if (successor == null || !successor.groupCode.equals(group.code) || successor.status != StaffStatus.ACTIVE) {
                throw ProblemException.ruleViolation(MANAGER_MUST_BE_ACTIVE_MEMBER, "Staff member " + newManagerId
                        + " is not an active member of group " + group.code,
                        List.of(new Problem.FieldError("managerId", "must be an active member of " + group.code)));
            }
        }
        LocalDate today = clock.today();
        if (group.managerId != null) {
            Staff predecessor = Staff.findById(group.managerId);
            place(predecessor, group.code, predecessor.postCode, GroupRole.MEMBER, today);
            changed(predecessor);
        }
        group.managerId = newManagerId;
        if (successor != null) {
            place(successor, group.code, successor.postCode, GroupRole.MANAGER, today);
            changed(successor);
        }
    }

    private void takeOverGroup(StaffGroup group, Staff manager) {
        if (group.managerId != null && !group.managerId.equals(manager.id)) {
            throw ProblemException.conflict(ONE_MANAGER_PER_GROUP, "Group " + group.code + " already has manager "
                    + group.managerId + "; a group has at most one manager");
        }
        if (manager.status != StaffStatus.ACTIVE) {
            throw ProblemException.ruleViolation(MANAGER_MUST_BE_ACTIVE_MEMBER, "A manager must be an active member;"
                    + " staff member is " + manager.status);
        }
        if (!Objects.equals(group.managerId, manager.id)) {
            group.managerId = manager.id;
            group.updatedAt = clock.now();
            events.groupChanged(group);
        }
    }

    /** Ends the open placement the day before {@code from} and opens the new one; nobody is in two groups at once. */
    private void place(Staff staff, String groupCode, String postCode, GroupRole role, LocalDate from) {
        Placement current = Placement.latest(staff.id).orElseThrow();
        if (from.isBefore(current.validFrom)) {
            throw ProblemException.conflict(ONE_GROUP_AT_A_TIME, "Staff member " + staff.id + " is placed in "
                    + current.groupCode + " from " + current.validFrom + "; a change from " + from
                    + " would put them in two groups at once");
        }
        if (from.equals(current.validFrom)) {
            current.groupCode = groupCode;
            current.postCode = postCode;
            current.groupRole = role;
        } else {
            current.validTo = from.minusDays(1);
            entityManager.flush();
            Placement next = new Placement();
            next.staffId = staff.id;
            next.groupCode = groupCode;
            next.postCode = postCode;
            next.groupRole = role;
            next.validFrom = from;
            next.persist();
        }
        staff.groupCode = groupCode;
        staff.postCode = postCode;
        staff.groupRole = role;
    }

    private Staff changed(Staff staff) {
        staff.updatedAt = clock.now();
        events.staffChanged(staff);
        return staff;
    }

    private Staff insertWithId(long id, NewStaff command) {
        entityManager.createNativeQuery("""
                        insert into staff (id, employee_number, name, group_code, post_code, group_role, status,
                                           status_since, hire_date, demo, updated_at, version)
                        values (:id, :number, :name, :group, :post, :role, 'ACTIVE', :hired, :hired, :demo, now(), 0)""")
                .setParameter("id", id)
                .setParameter("number", command.employeeNumber())
                .setParameter("name", command.name())
                .setParameter("group", command.groupCode())
                .setParameter("post", command.postCode())
                .setParameter("role", command.groupRole().name())
                .setParameter("hired", command.hireDate())
                .setParameter("demo", command.demo())
                .executeUpdate();
        return Staff.findById(id);
    }

    private static void setContact(Staff staff, Contact contact) {
        staff.phone = contact == null ? null : contact.phone();
        staff.qq = contact == null ? null : contact.qq();
        staff.email = contact == null ? null : contact.email();
    }

    private static void requireUniqueEmployeeNumber(String employeeNumber, Long ownId) {
        Staff.findByEmployeeNumber(employeeNumber).filter(other -> !other.id.equals(ownId)).ifPresent(other -> {
            throw ProblemException.conflict(UNIQUE_EMPLOYEE_NUMBER, "Employee number " + employeeNumber
                    + " already belongs to staff member " + other.id);
        });
    }

    static StaffGroup existingGroup(String code, String field) {
        StaffGroup group = StaffGroup.findById(code);
        if (group == null) {
            throw unknown(UNKNOWN_GROUP, field, "No group with code " + code);
        }
        return group;
    }

    static void requirePostInGroup(String postCode, String groupCode) {
        Post post = Post.findById(postCode);
        if (post == null) {
            throw unknown(UNKNOWN_POST, "postCode", "No post with code " + postCode);
        }
        if (!post.groupCode.equals(groupCode)) {
            throw ProblemException.ruleViolation(POST_NOT_IN_GROUP, "Post " + postCode + " belongs to group "
                    + post.groupCode + ", not " + groupCode,
                    List.of(new Problem.FieldError("postCode", "must be a post of group " + groupCode)));
        }
    }
}
