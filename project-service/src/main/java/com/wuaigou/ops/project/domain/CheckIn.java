package com.wuaigou.ops.project.domain;

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
import java.time.OffsetDateTime;
import java.util.List;

/** A supervision check-in while the project is in DO. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    @Column(name = "check_date")
    public LocalDate date;

    public int progress;

    @Enumerated(EnumType.STRING)
    public Rag rag;

    public String issues;

    @Column(name = "next_steps")
    public String nextSteps;

    @Column(name = "recorded_by")
    public Long recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static List<CheckIn> ofProject(long projectId) {
        return list("projectId = ?1 order by date, id", projectId);
    }
}
