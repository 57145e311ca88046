package com.wuaigou.ops.common.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.wuaigou.ops.common.events.CloudEvent;
import com.wuaigou.ops.common.events.EventReader;
import com.wuaigou.ops.common.events.ProcessedEvents;
import com.wuaigou.ops.common.jdbc.RowCopies;
import com.wuaigou.ops.common.jdbc.TransactionSql;
import com.wuaigou.ops.common.security.GroupDirectory;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roster replica: applied from personnel-service's snapshots (live by {@link RosterConsumer}, from the start of the
 * topics by {@link RosterRebuild}, through the same {@link #apply(String)}), read while serving requests. Each event
 * applies once ({@link ProcessedEvents}), and a snapshot whose version is not newer than the one held changes nothing,
 * so duplicates, replays and snapshots arriving out of order leave the newest in place.
 */
@IfBuildProperty(name = RosterConfig.REPLICA_ENABLED, stringValue = "true")
@ApplicationScoped
public class RosterService implements GroupDirectory {

    public static final String STAFF_TOPIC = "ops.personnel.staff";
    public static final String GROUPS_TOPIC = "ops.personnel.groups";
    static final String STAFF_CHANGED = "ops.personnel.staff.changed.v1";
    static final String GROUP_CHANGED = "ops.personnel.group.changed.v1";
    /** The de-duplication ledger's name for the replica. */
    static final String CONSUMER = "roster";
    /**
     * PostgreSQL advisory lock in the two-int key space ('rost', 1): every application holds it shared, a rebuild
     * alone, so live events wait for a rebuild's commit. The single-bigint locks services take never touch this space.
     */
    private static final int LOCK_CLASS = 0x726f7374;
    private static final int LOCK_OBJECT = 1;

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final EntityManager entityManager;
    private final TransactionSql sql;
    /** This instance's copies of people, by id: see {@link #remembered}. */
    private final RowCopies<Long, RosterStaff> remembered = new RowCopies<>(this::staff);

    RosterService(EventReader reader, ProcessedEvents processed, EntityManager entityManager, TransactionSql sql) {
        this.reader = reader;
        this.processed = processed;
        this.entityManager = entityManager;
        this.sql = sql;
    }

    /**
     * Applies a record of either roster topic once.
     *
     * @return whether it was the first delivery of a staff or group snapshot (other event types are ignored)
     * @throws IllegalArgumentException when the record is not a CloudEvent or its data is unreadable
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(String value) {
        CloudEvent<JsonNode> event = reader.read(value);
        if (!STAFF_CHANGED.equals(event.type()) && !GROUP_CHANGED.equals(event.type())) {
            return false;
        }
        advisoryLock("pg_advisory_xact_lock_shared");
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return false;
        }
        if (STAFF_CHANGED.equals(event.type())) {
            RosterPayloads.StaffChanged staff = reader.data(event, RosterPayloads.StaffChanged.class);
            apply(staff);
            forget(staff.id());
        } else {
            apply(reader.data(event, RosterPayloads.GroupChanged.class));
        }
        return true;
    }

    /** Empties the replica and its de-duplication ledger, holding every live application off until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear() {
        advisoryLock("pg_advisory_xact_lock");
        RosterPlacement.deleteAll();
        RosterStaff.deleteAll();
        RosterGroup.deleteAll();
        processed.forget(CONSUMER);
        remembered.forgetAll();
    }

    private void apply(RosterPayloads.StaffChanged data) {
        RosterStaff staff = RosterStaff.findById(data.id());
        if (staff == null) {
            staff = new RosterStaff();
            staff.id = data.id();
        } else if (staff.version >= data.version()) {
            return;
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

    private void apply(RosterPayloads.GroupChanged data) {
        RosterGroup group = RosterGroup.findById(data.code());
        if (group == null) {
            group = new RosterGroup();
            group.code = data.code();
        } else if (group.version >= data.version()) {
            return;
        }
        group.nameZh = data.nameZh();
        group.nameEn = data.nameEn();
        group.core = data.core();
        group.managerId = data.managerId();
        group.version = data.version();
        group.persist();
    }

    private void advisoryLock(String function) {
        entityManager.createNativeQuery("select count(*) from (select " + function + "(:class, :object)) as held")
                .setParameter("class", LOCK_CLASS)
                .setParameter("object", LOCK_OBJECT)
                .getSingleResult();
    }

    /** A person and their placements, one row per placement (one with nulls when there is none), earliest first. */
    private static final String STAFF_WITH_PLACEMENTS = """
            select s.id, s.employee_number, s.name, s.group_code, s.post_code, s.group_role, s.status, s.status_since,
                   s.hire_date, s.version, p.id, p.group_code, p.post_code, p.group_role, p.from_date, p.to_date
            from roster_staff s left join roster_placement p on p.staff_id = s.id
            where s.id = ? order by p.from_date, p.id""";

    /**
     * The person as the replica holds them, with their placement history: a copy read with plain JDBC, outside the
     * persistence context, to be read and never changed. Every work log and assignment reads its people, and
     * Hibernate's loading of the entity and its placements cost several times the statement.
     */
    public Optional<RosterStaff> staff(long staffId) {
        List<RosterStaffRow> rows = sql.list(STAFF_WITH_PLACEMENTS, RosterStaffRow::of, staffId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        RosterStaff staff = rows.get(0).staff();
        rows.stream().map(RosterStaffRow::placement).filter(Objects::nonNull).forEach(placement -> {
            placement.staff = staff;
            staff.placements.add(placement);
        });
        return Optional.of(staff);
    }

    /**
     * The person as this instance last read them from the replica, read now when it holds no copy ({@link RowCopies}):
     * a write relying on it checks in its own statement that the replica still holds the person at the copy's version
     * ({@link #COPIES_CURRENT}), as another instance may have applied a newer snapshot.
     */
    public Optional<RosterStaff> remembered(long staffId) {
        return remembered.get(staffId);
    }

    /** Drops this instance's copy of the person; the next {@link #remembered} reads them again. */
    public void forget(long staffId) {
        remembered.forget(staffId);
    }

    /**
     * A boolean SQL expression: whether the replica holds every person of a list at the version given, that is, whether
     * copies read from it are current. Takes two parameters, bigint arrays of the same length: the ids, then the
     * versions. True for empty lists.
     */
    public static final String COPIES_CURRENT = """
            coalesce((select bool_and(s.version is not distinct from copy.version)
                      from unnest(cast(? as bigint[]), cast(? as bigint[])) copy(id, version)
                               left join roster_staff s on s.id = copy.id), true)""";

    /** One row of {@link #STAFF_WITH_PLACEMENTS}: the person, and one placement or none. */
    private record RosterStaffRow(RosterStaff staff, RosterPlacement placement) {
        static RosterStaffRow of(ResultSet row) throws SQLException {
            RosterStaff staff = new RosterStaff();
            staff.id = row.getLong(1);
            staff.employeeNumber = row.getString(2);
            staff.name = row.getString(3);
            staff.groupCode = row.getString(4);
            staff.postCode = row.getString(5);
            staff.groupRole = row.getString(6);
            staff.status = StaffStatus.valueOf(row.getString(7));
            staff.statusSince = row.getObject(8, LocalDate.class);
            staff.hireDate = row.getObject(9, LocalDate.class);
            staff.version = row.getLong(10);
            if (row.getObject(11) == null) {
                return new RosterStaffRow(staff, null);
            }
            RosterPlacement placement = new RosterPlacement();
            placement.id = row.getLong(11);
            placement.groupCode = row.getString(12);
            placement.postCode = row.getString(13);
            placement.groupRole = row.getString(14);
            placement.fromDate = row.getObject(15, LocalDate.class);
            placement.toDate = row.getObject(16, LocalDate.class);
            return new RosterStaffRow(staff, placement);
        }
    }

    public Optional<RosterGroup> group(String code) {
        return RosterGroup.findByIdOptional(code);
    }

    /**
     * Whether the group is known: from its own snapshot or from someone placed in it (the two come on different
     * topics, so a person's snapshot may name a group before the group's arrives).
     */
    public boolean groupExists(String code) {
        return group(code).isPresent() || RosterStaff.count("groupCode", code) > 0;
    }

    public Optional<String> nameOf(long staffId) {
        return staff(staffId).map(s -> s.name);
    }

    /** Everyone placed in the group on some day between the two dates (inclusive), by id. */
    public List<RosterStaff> membersDuring(String groupCode, LocalDate from, LocalDate to) {
        List<RosterStaff> candidates = RosterStaff.find("""
                        select distinct s from RosterStaff s left join fetch s.placements
                        where s.groupCode = ?1 or exists (select p from RosterPlacement p where p.staff = s and p.groupCode = ?1)""",
                groupCode).list();
        return candidates.stream().filter(s -> s.memberBetween(groupCode, from, to))
                .sorted(Comparator.comparing(s -> s.id)).toList();
    }

    @Override
    public Optional<Long> managerOf(String groupCode) {
        return group(groupCode).map(g -> g.managerId);
    }

    @Override
    public Set<String> groupsManagedBy(long staffId) {
        return RosterGroup.<RosterGroup>list("managerId", staffId).stream().map(g -> g.code)
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<String> groupOf(long staffId) {
        return staff(staffId).map(s -> s.groupCode);
    }
}
