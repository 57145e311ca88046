package com.wuaigou.ops.common.security;

/** The roles a bearer token's {@code groups} claim can carry. */
public final class Roles {

    /** A member of a group: logs and reads their own work. */
    public static final String STAFF = "staff";
    /** A group's manager: assigns, corrects and approves within their own group. */
    public static final String MANAGER = "manager";
    /** The department's director: everything in every group. */
    public static final String DIRECTOR = "director";
    /** System administrator: everything. */
    public static final String ADMIN = "admin";
    /** Analytics: reads everything but contact details, writes nothing. */
    public static final String BI = "bi";

    private Roles() {
    }
}
