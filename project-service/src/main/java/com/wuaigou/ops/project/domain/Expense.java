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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Money spent against a budget line. {@code overrun} marks an expense that took its line over budget. */
@Entity
@Table(name = "expense")
public class Expense extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    @Column(name = "line_id")
    public Long lineId;

    public BigDecimal amount;

    @Column(name = "spent_on")
    public LocalDate spentOn;

    public String note;

    @Enumerated(EnumType.STRING)
    public ExpenseStatus status;

    public boolean overrun;

    @Column(name = "recorded_by")
    public Long recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "decided_by")
    public Long decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public static List<Expense> pendingOf(long projectId) {
        return list("projectId = ?1 and status = ?2 order by id", projectId, ExpenseStatus.PENDING_APPROVAL);
    }

    public static List<Expense> ofProject(long projectId) {
        return list("projectId = ?1 order by spentOn, id", projectId);
    }
}
