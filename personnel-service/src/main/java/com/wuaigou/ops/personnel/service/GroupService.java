package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.concurrency.Preconditions;
import com.wuaigou.ops.common.jdbc.TransactionSql;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.personnel.domain.StaffGroup;
import com.wuaigou.ops.personnel.events.RosterEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.Set;

import static com.wuaigou.ops.personnel.service.RosterRules.UNIQUE_GROUP_CODE;

/** The department's groups. Every change records one group snapshot event. */
@ApplicationScoped
public class GroupService {

    private final RosterEvents events;
    private final StaffService staff;
    private final DepartmentClock clock;
    private final TransactionSql sql;

    GroupService(RosterEvents events, StaffService staff, DepartmentClock clock, TransactionSql sql) {
        this.events = events;
        this.staff = staff;
        this.clock = clock;
        this.sql = sql;
    }

    public record NewGroup(String code, String nameZh, String nameEn, boolean core) {
    }

    public record GroupChange(String nameZh, String nameEn, boolean core, Long managerId) {
    }

    public StaffGroup get(String code) {
        StaffGroup group = StaffGroup.findById(code);
        if (group == null) {
            throw ProblemException.notFound("group", code);
        }
        return group;
    }

    @Transactional
    public StaffGroup create(NewGroup command) {
        if (StaffGroup.findById(command.code()) != null) {
            throw ProblemException.conflict(UNIQUE_GROUP_CODE, "A group with code " + command.code() + " exists");
        }
        StaffGroup group = new StaffGroup();
        group.code = command.code();
        group.nameZh = command.nameZh();
        group.nameEn = command.nameEn();
        group.core = command.core();
        group.updatedAt = clock.now();
        group.persist();
        events.groupChanged(group);
        return group;
    }

    /** The codes of every group, in one statement: the seed asks at every start which of its groups are missing. */
    @Transactional
    public Set<String> codes() {
        return new HashSet<>(sql.list("select code from staff_group", row -> row.getString(1)));
    }

    /** Creates the group unless its code exists; for the seed, which runs at every start. */
    @Transactional
    public boolean createIfMissing(NewGroup command) {
        if (StaffGroup.findById(command.code()) != null) {
            return false;
        }
        create(command);
        return true;
    }

    /** Renames, (re)classifies, and appoints or clears the manager; the manager must be an active member. */
    @Transactional
    public StaffGroup update(String code, String ifMatch, GroupChange command) {
        StaffGroup group = get(code);
        Preconditions.requireCurrent(ifMatch, "Group " + code, group.version);
        staff.replaceManager(group, command.managerId());
        group.nameZh = command.nameZh();
        group.nameEn = command.nameEn();
        group.core = command.core();
        group.updatedAt = clock.now();
        events.groupChanged(group);
        return group;
    }
}
