package com.wuaigou.ops.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * A group's month as quota-service locked (approved) it, keyed by quota's lock id. A reopened lock keeps its row,
 * flagged and without figures, so a replay of its lock event changes nothing.
 */
@Entity
@Table(name = "scorecard_lock")
public class ScorecardLock extends PanacheEntityBase {

    @Id
    @Column(name = "lock_id")
    public Long lockId;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @Column(name = "month_start", nullable = false)
    public LocalDate monthStart;

    @Column(name = "month_end", nullable = false)
    public LocalDate monthEnd;

    @Column(name = "locked_by")
    public Long lockedBy;

    public boolean reopened;
}
