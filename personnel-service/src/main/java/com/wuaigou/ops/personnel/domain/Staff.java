package com.wuaigou.ops.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A person in the department. The group, post and role here are those of the current (latest) placement; the
 * placements keep the history. People are never deleted: leavers keep their status {@link StaffStatus#LEFT}.
 */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "employee_number", nullable = false)
    public String employeeNumber;

    @Column(nullable = false)
    public String name;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @Column(name = "post_code", nullable = false)
    public String postCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_role", nullable = false)
    public GroupRole groupRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StaffStatus status;

    @Column(name = "status_since", nullable = false)
    public LocalDate statusSince;

    @Column(name = "hire_date", nullable = false)
    public LocalDate hireDate;

    /** The plan's 培养方向: what the person is being developed towards, used when work is assigned. */
    @Column(name = "development_direction")
    public String developmentDirection;

    public String phone;

    public String qq;

    public String email;

    /** Fictional people of the local stack's demo roster. */
    public boolean demo;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static Optional<Staff> findByEmployeeNumber(String employeeNumber) {
        return find("employeeNumber", employeeNumber).firstResultOptional();
    }
}
