package com.wuaigou.ops.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** The lead or an assistant of a finished project, with their share of the credit in percent. */
@Entity
@Table(name = "scorecard_project_member")
public class ScorecardProjectMember extends PanacheEntityBase {

    public static final String LEAD = "LEAD";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public Long projectId;

    @Column(name = "staff_id", nullable = false)
    public Long staffId;

    @Column(nullable = false)
    public String role;

    @Column(name = "share_percent")
    public BigDecimal sharePercent;
}
