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

/** One step of a project's action plan, owned by the lead or an assistant. */
@Entity
@Table(name = "project_action")
public class ProjectAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    public String title;

    @Column(name = "owner_id")
    public Long ownerId;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public ActionStatus status = ActionStatus.OPEN;

    @Column(name = "drop_reason")
    public String dropReason;

    @Column(name = "updated_by")
    public Long updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Still open after its due date (in the department's time zone). */
    public boolean isOverdue(LocalDate today) {
        return status == ActionStatus.OPEN && dueDate.isBefore(today);
    }

    public static boolean isOwnedBy(long projectId, long actionId, long staffId) {
        return count("id = ?1 and projectId = ?2 and ownerId = ?3", actionId, projectId, staffId) > 0;
    }

    public static List<ProjectAction> ofProject(long projectId) {
        return list("projectId = ?1 order by dueDate, id", projectId);
    }
}
