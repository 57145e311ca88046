package com.wuaigou.ops.common.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The replica of a staff member, from {@code ops.personnel.staff}, with the full placement history. */
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
    @Column(name = "post_code")
    public String postCode;
    @Column(name = "group_role")
    public String groupRole;
    @Enumerated(EnumType.STRING)
    public StaffStatus status;
    @Column(name = "status_since")
    public LocalDate statusSince;
    @Column(name = "hire_date")
    public LocalDate hireDate;
    /** The publisher's version, not an optimistic lock: older snapshots are ignored. */
    public long version;
    @OneToMany(mappedBy = "staff", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("fromDate")
    public List<RosterPlacement> placements = new ArrayList<>();

    /** The group the person belonged to on {@code date}, from the placement history, else the current group. */
    public String groupOn(LocalDate date) {
        return placementOn(date).map(p -> p.groupCode).orElse(groupCode);
    }

    public Optional<RosterPlacement> placementOn(LocalDate date) {
        return placements.stream().filter(p -> p.covers(date)).findFirst();
    }

    /** Whether the person belonged to {@code group} at any time between the two dates (inclusive). */
    public boolean memberBetween(String group, LocalDate from, LocalDate to) {
        if (placements.isEmpty()) {
            return group.equals(groupCode);
        }
        return placements.stream().anyMatch(p -> p.groupCode.equals(group) && !p.fromDate.isAfter(to)
                && (p.toDate == null || !p.toDate.isBefore(from)));
    }

    public boolean isActive() {
        return status == StaffStatus.ACTIVE;
    }

    public boolean hasLeft() {
        return status == StaffStatus.LEFT;
    }
}
