package com.wuaigou.ops.common.roster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/** The roster contract as personnel-service publishes it (only the fields the replica keeps). */
public final class RosterPayloads {

    private RosterPayloads() {
    }

    /** {@code ops.personnel.staff.changed.v1}: a person's full snapshot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaffChanged(Long id, String employeeNumber, String name, String groupCode, String postCode,
                               String groupRole, String status, LocalDate statusSince, LocalDate hireDate,
                               List<Placement> placements, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Placement(String groupCode, String postCode, String groupRole, LocalDate from, LocalDate to) {
    }

    /** {@code ops.personnel.group.changed.v1}: a group's full snapshot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupChanged(String code, String nameZh, String nameEn, boolean core, Long managerId, long version) {
    }
}
