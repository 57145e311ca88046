package com.wuaigou.ops.quota.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One correction of a work log: who, when, why, and the log before and after (JSON). */
@Entity
@Table(name = "work_log_correction")
public class WorkLogCorrection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "work_log_id")
    public Long workLogId;
    public int revision;
    @Column(name = "corrected_by")
    public Long correctedBy;
    @Column(name = "corrected_at")
    public OffsetDateTime correctedAt;
    public String reason;
    @Column(name = "before_state")
    public String beforeState;
    @Column(name = "after_state")
    public String afterState;
}
