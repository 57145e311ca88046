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

import java.time.OffsetDateTime;
import java.util.List;

/** One accepted phase change: who asked for it, when and why. */
@Entity
@Table(name = "phase_transition")
public class PhaseTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_phase")
    public Phase from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_phase")
    public Phase to;

    @Column(name = "requested_by")
    public Long requestedBy;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    public String reason;

    public static List<PhaseTransition> ofProject(long projectId) {
        return list("projectId = ?1 order by id", projectId);
    }
}
