package com.wuaigou.ops.common.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The replica of a group, from {@code ops.personnel.groups}; it names the group's manager. */
@Entity
@Table(name = "roster_group")
public class RosterGroup extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    public boolean core;
    @Column(name = "manager_id")
    public Long managerId;
    /** The publisher's version, not an optimistic lock: older snapshots are ignored. */
    public long version;
}
