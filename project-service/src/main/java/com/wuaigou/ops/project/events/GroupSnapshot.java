package com.wuaigou.ops.project.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of personnel-service's {@code ops.personnel.group.changed.v1} payload this service keeps. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupSnapshot(String code, String nameEn, Long managerId, long version) {
}
