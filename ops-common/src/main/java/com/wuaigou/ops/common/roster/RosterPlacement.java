package com.wuaigou.ops.common.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One stretch of a person's placement history: group, post and role from a date to a date (inclusive, null open). */
@Entity
@Table(name = "roster_placement")
public class RosterPlacement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne
    @JoinColumn(name = "staff_id")
    public RosterStaff staff;
    @Column(name = "group_code")
    public String groupCode;
    @Column(name = "post_code")
    public String postCode;
    @Column(name = "group_role")
    public String groupRole;
    @Column(name = "from_date")
    public LocalDate fromDate;
    @Column(name = "to_date")
    public LocalDate toDate;

    public boolean covers(LocalDate date) {
        return !date.isBefore(fromDate) && (toDate == null || !date.isAfter(toDate));
    }
}
