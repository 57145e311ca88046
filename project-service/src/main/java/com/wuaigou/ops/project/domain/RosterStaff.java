package com.wuaigou.ops.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of one staff member, kept from personnel-service's snapshots. */
@Entity
@Table(name = "roster_staff")
public class RosterStaff extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "employee_number")
    public String employeeNumber;

    public String name;

    @Column(name = "group_code")
    public String groupCode;

    @Column(name = "group_role")
    public String groupRole;

    @Enumerated(EnumType.STRING)
    public StaffStatus status;

    /** The publisher's version of the snapshot, not an optimistic lock: older snapshots are ignored. */
    public long version;

    public boolean isActive() {
        return status == StaffStatus.ACTIVE;
    }
}
