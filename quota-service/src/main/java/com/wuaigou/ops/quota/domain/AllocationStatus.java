package com.wuaigou.ops.quota.domain;

/** How the members' shares of an item compare with the group's number. */
public enum AllocationStatus {
    /** The shares' low ends add up to less than the group's low end. */
    UNDER,
    /** The shares cover the group's number and stay within its high end. */
    BALANCED,
    /** The shares ask more than the group's number. */
    OVER,
    /** The item has no number to share (standard time, tracked, rates). */
    NOT_APPLICABLE;

    public static AllocationStatus of(TargetRange group, TargetRange allocated) {
        if (group == null) {
            return NOT_APPLICABLE;
        }
        if (allocated.low().compareTo(group.low()) < 0) {
            return UNDER;
        }
        if (allocated.low().compareTo(group.high()) > 0 || allocated.high().compareTo(group.high()) > 0) {
            return OVER;
        }
        return BALANCED;
    }
}
