package com.wuaigou.ops.local;

/** Staff ids of the demo roster that the local stack's ready-made tokens are issued for. */
public final class DemoIdentities {

    /** System administrator account; not a member of any group. */
    public static final long ADMIN_ID = 9000;
    /** The department's director in the demo roster. */
    public static final long DIRECTOR_ID = 1;
    /** An ordinary member of the customer service group in the demo roster. */
    public static final long STAFF_ID = 10;

    private DemoIdentities() {
    }
}
