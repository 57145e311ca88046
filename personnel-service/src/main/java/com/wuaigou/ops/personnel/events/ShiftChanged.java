package com.wuaigou.ops.personnel.events;

import java.time.LocalDate;

/** Payload of {@code ops.personnel.shift.changed.v1}: the full snapshot of a duty shift; times as HH:mm. */
public record ShiftChanged(long id, LocalDate date, String slot, String start, String end, String place,
                           long staffId, String status, long version) {

    public static final String TOPIC = "ops.personnel.shifts";
    public static final String TYPE = "ops.personnel.shift.changed.v1";
    public static final String AGGREGATE = "shift";
}
