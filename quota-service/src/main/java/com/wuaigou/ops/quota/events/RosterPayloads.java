package com.wuaigou.ops.quota.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/** The roster contract as published by personnel-service (only the fields this service keeps). */
public final class RosterPayloads {

    private RosterPayloads() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaffChanged(Long id, String employeeNumber, String name, String groupCode, String postCode,
                               String groupRole, String status, LocalDate statusSince, LocalDate hireDate,
                               List<Placement> placements, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Placement(String groupCode, String postCode, String groupRole, LocalDate from, LocalDate to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupChanged(String code, String nameZh, String nameEn, boolean core, Long managerId, long version) {
    }
}
