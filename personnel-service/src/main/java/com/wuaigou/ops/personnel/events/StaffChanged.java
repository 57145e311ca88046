package com.wuaigou.ops.personnel.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Payload of {@code ops.personnel.staff.changed.v1}: the full snapshot of a person, without contact details. Group,
 * post and role are the current ones; {@code placements} is the whole move history, {@code to} inclusive.
 */
public record StaffChanged(long id, String employeeNumber, String name, String groupCode, String postCode,
                           String groupRole, String status, LocalDate statusSince, LocalDate hireDate,
                           String developmentDirection, List<PlacementData> placements, long version) {

    public static final String TOPIC = "ops.personnel.staff";
    public static final String TYPE = "ops.personnel.staff.changed.v1";
    public static final String AGGREGATE = "staff";

    public record PlacementData(String groupCode, String postCode, String groupRole, LocalDate from, LocalDate to) {
    }
}
