package com.wuaigou.ops.quota.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A stored exception to the working weekdays: a public holiday or a make-up working day. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {

    @Id
    public LocalDate day;
    @Enumerated(EnumType.STRING)
    public DayKind kind;
    public String name;
}
