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

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A group's approved past period: its logs are frozen until a director reopens it. */
@Entity
@Table(name = "period_lock")
public class PeriodLock extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "group_code")
    public String groupCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "window_kind")
    public WindowKind windowKind;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "locked_by")
    public Long lockedBy;
    @Column(name = "locked_at")
    public OffsetDateTime lockedAt;
    @Column(name = "reopened_by")
    public Long reopenedBy;
    @Column(name = "reopened_at")
    public OffsetDateTime reopenedAt;
    @Column(name = "reopen_reason")
    public String reopenReason;
    @Version
    public long version;

    public boolean isActive() {
        return reopenedAt == null;
    }
}
