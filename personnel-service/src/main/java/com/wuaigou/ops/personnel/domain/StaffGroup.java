package com.wuaigou.ops.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.List;

/** One of the department's business areas, with at most one manager. */
@Entity
@Table(name = "staff_group")
public class StaffGroup extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    public boolean core;

    /** The group's manager, an active member of it; null while the group has none. */
    @Column(name = "manager_id")
    public Long managerId;

    /** Touched on every change, so each change raises the version that consumers compare. */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static List<StaffGroup> listByCode() {
        return list("order by code");
    }
}
