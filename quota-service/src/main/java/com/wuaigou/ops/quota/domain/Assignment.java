package com.wuaigou.ops.quota.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An item of a group given to a member, whole (no share) or as their own share, from a date and optionally to one.
 * Changing a share ends the assignment and starts another, so history stays.
 */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "item_id")
    public Long itemId;
    @Column(name = "group_code")
    public String groupCode;
    @Column(name = "staff_id")
    public Long staffId;
    @Enumerated(EnumType.STRING)
    public Duty duty;
    @Column(name = "share_min")
    public BigDecimal shareMin;
    @Column(name = "share_max")
    public BigDecimal shareMax;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "assigned_by")
    public Long assignedBy;
    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;
    @Column(name = "ended_by")
    public Long endedBy;
    @Version
    public long version;

    public boolean isWhole() {
        return shareMin == null;
    }

    public TargetRange share() {
        return TargetRange.stored(shareMin, shareMax);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public AssignmentSpan span() {
        return new AssignmentSpan(validFrom, validTo, share());
    }
}
