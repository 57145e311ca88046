package com.wuaigou.ops.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person's figures in a locked month; the workload fields are null when the lock event predates them. */
@Entity
@Table(name = "scorecard_person")
public class ScorecardPerson extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "lock_id", nullable = false)
    public Long lockId;

    @Column(name = "staff_id", nullable = false)
    public Long staffId;

    public String name;

    @Column(name = "workload_minutes")
    public Long workloadMinutes;

    @Column(name = "working_minutes")
    public Long workingMinutes;
}
