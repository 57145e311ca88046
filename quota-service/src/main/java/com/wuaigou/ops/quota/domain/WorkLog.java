package com.wuaigou.ops.quota.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/** Work a person did on an item on a day. Corrections change it in place and keep the former state. */
@Entity
@Table(name = "work_log")
public class WorkLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "staff_id")
    public Long staffId;
    @Column(name = "item_id")
    public Long itemId;
    /** The person's group on the work date: whose manager approves and locks it. */
    @Column(name = "group_code")
    public String groupCode;
    @Column(name = "work_date")
    public LocalDate workDate;
    public BigDecimal quantity;
    public Integer minutes;
    public String slot;
    public String note;
    public boolean unplanned;
    @Column(name = "created_by")
    public Long createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    public int revision;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_log_crew", joinColumns = @JoinColumn(name = "work_log_id"))
    @Column(name = "staff_id")
    public Set<Long> crew = new LinkedHashSet<>();
    @Version
    public long version;
}
