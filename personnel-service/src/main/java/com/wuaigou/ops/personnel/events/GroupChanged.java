package com.wuaigou.ops.personnel.events;

/** Payload of {@code ops.personnel.group.changed.v1}: the full snapshot of a group. */
public record GroupChanged(String code, String nameZh, String nameEn, boolean core, Long managerId, long version) {

    public static final String TOPIC = "ops.personnel.groups";
    public static final String TYPE = "ops.personnel.group.changed.v1";
    public static final String AGGREGATE = "group";
}
