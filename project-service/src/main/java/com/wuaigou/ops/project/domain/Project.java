package com.wuaigou.ops.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A project unit: an activity or a product led by one person with assistants, through PLAN, DO, CHECK, ACT to CLOSED.
 * Every change to it or to its parts (budget, actions, check-ins) is stamped here, so its version moves and concurrent
 * edits of the same project are detected.
 */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    @Enumerated(EnumType.STRING)
    public ProjectType type;

    @Enumerated(EnumType.STRING)
    public ActivitySize size;

    public String title;

    @Column(name = "group_code")
    public String groupCode;

    @Column(name = "lead_id")
    public Long leadId;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "project_assistant", joinColumns = @JoinColumn(name = "project_id"))
    public Set<Assistant> assistants = new HashSet<>();

    /** Everyone who was ever lead or assistant, kept after they leave: none of them may evaluate the project. */
    @ElementCollection
    @CollectionTable(name = "project_member_history", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "staff_id")
    public Set<Long> everMembers = new HashSet<>();

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_end")
    public LocalDate plannedEnd;

    @Enumerated(EnumType.STRING)
    public Phase phase = Phase.PLAN;

    public String objectives;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "success_criterion", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    public List<SuccessCriterion> successCriteria = new ArrayList<>();

    @Column(name = "approved_by")
    public Long approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "evaluation_score")
    public Integer evaluationScore;

    @Column(name = "evaluation_went_well")
    public String evaluationWentWell;

    @Column(name = "evaluation_went_badly")
    public String evaluationWentBadly;

    @Column(name = "evaluated_by")
    public Long evaluatedBy;

    @Column(name = "evaluated_at")
    public OffsetDateTime evaluatedAt;

    @Column(name = "follow_up_standardise")
    public String followUpStandardise;

    @Column(name = "follow_up_change")
    public String followUpChange;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "member_share", joinColumns = @JoinColumn(name = "project_id"))
    public Set<MemberShare> shares = new HashSet<>();

    @Column(name = "settled_by")
    public Long settledBy;

    @Column(name = "settled_at")
    public OffsetDateTime settledAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_by")
    public Long updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean isLead(long staffId) {
        return leadId != null && leadId == staffId;
    }

    public boolean isAssistant(long staffId) {
        return assistants.stream().anyMatch(a -> a.staffId == staffId);
    }

    public boolean isMember(long staffId) {
        return isLead(staffId) || isAssistant(staffId);
    }

    /** Whether {@code staffId} leads or assists the project now or did so at any time before. */
    public boolean wasEverMember(long staffId) {
        return isMember(staffId) || everMembers.contains(staffId);
    }

    /** Sets the lead and the assistants, and keeps every one of them in the project's member history. */
    public void replaceMembers(Long leadId, Set<Assistant> assistants) {
        this.leadId = leadId;
        this.assistants.clear();
        this.assistants.addAll(assistants);
        everMembers.addAll(memberIds());
    }

    public boolean hasMembers(Long leadId, Set<Assistant> assistants) {
        return Objects.equals(this.leadId, leadId) && this.assistants.equals(assistants);
    }

    /** The lead first, then the assistants. */
    public List<Long> memberIds() {
        return Stream.concat(Stream.of(leadId), assistants.stream().map(a -> a.staffId).sorted()).toList();
    }

    public boolean isEvaluated() {
        return evaluatedAt != null;
    }

    public boolean isSettled() {
        return settledAt != null;
    }

    /** Marks a change by {@code staffId}; the version moves at flush even when only a part of the project changed. */
    public void touch(long staffId, OffsetDateTime now) {
        updatedBy = staffId;
        updatedAt = now;
    }

    /** A change to the plan after approval needs a fresh approval before the project may start. */
    public void planChanged() {
        if (phase == Phase.PLAN) {
            approvedBy = null;
            approvedAt = null;
        }
    }
}
