package com.wuaigou.ops.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A stretch of days a person spent in one group, post and role; {@code validTo} is inclusive, null while current. */
@Entity
@Table(name = "placement")
public class Placement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "staff_id", nullable = false)
    public Long staffId;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @Column(name = "post_code", nullable = false)
    public String postCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_role", nullable = false)
    public GroupRole groupRole;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public static List<Placement> history(long staffId) {
        return list("staffId = ?1 order by validFrom, id", staffId);
    }

    /** The latest placement: open for people who are still here, closed on the last day for leavers. */
    public static Optional<Placement> latest(long staffId) {
        return find("staffId = ?1 order by validFrom desc, id desc", staffId).firstResultOptional();
    }

    /** Every placement in force on {@code day}, in any group. */
    public static List<Placement> inForceOn(LocalDate day) {
        return list("validFrom <= ?1 and (validTo is null or validTo >= ?1) order by groupCode, staffId", day);
    }
}
