package com.wuaigou.ops.project.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of personnel-service's {@code ops.personnel.staff.changed.v1} payload this service keeps. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaffSnapshot(long id, String employeeNumber, String name, String groupCode, String groupRole,
                            String status, long version) {
}
