package com.wuaigou.ops.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of one group, kept from personnel-service's snapshots; it names the group's manager. */
@Entity
@Table(name = "roster_group")
public class RosterGroup extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "manager_id")
    public Long managerId;

    /** The publisher's version of the snapshot: older snapshots are ignored. */
    public long version;
}
