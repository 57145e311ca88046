package com.wuaigou.ops.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A project as project-service reported it finished; {@code finishedOn} is an Asia/Shanghai day. */
@Entity
@Table(name = "scorecard_project")
public class ScorecardProject extends PanacheEntityBase {

    public static final String CLOSED = "CLOSED";

    @Id
    @Column(name = "project_id")
    public Long projectId;

    public String code;

    public String type;

    public String title;

    @Column(name = "group_code")
    public String groupCode;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "evaluation_score")
    public Integer evaluationScore;

    @Column(name = "finished_on")
    public LocalDate finishedOn;
}
