package com.wuaigou.ops.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A post in a group with its primary duties and its secondary (flexibly assigned) duties. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String title;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "post_primary_duty", joinColumns = @JoinColumn(name = "post_code"))
    @OrderColumn(name = "position")
    @Column(name = "duty")
    public List<String> primaryDuties = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "post_secondary_duty", joinColumns = @JoinColumn(name = "post_code"))
    @OrderColumn(name = "position")
    @Column(name = "duty")
    public List<String> secondaryDuties = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
