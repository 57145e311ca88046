package com.wuaigou.ops.common.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is in which group and who manages which group, as a service knows it: personnel-service from its own roster,
 * the other services from their replica of it ({@code com.wuaigou.ops.common.roster}).
 *
 * <p>A group's manager is, everywhere, the person the group names as its manager: personnel's
 * {@code staff_group.manager_id}, published as {@code managerId} in {@code ops.personnel.group.changed.v1}. A person's
 * {@code groupRole} does not make them a manager on its own: personnel appoints managers on the group and keeps the
 * role in step, and the two arrive on different topics, so only one of them can be the rule.
 */
public interface GroupDirectory {

    /** The group's manager, when it has one. */
    Optional<Long> managerOf(String groupCode);

    /** The groups this person is the manager of. */
    Set<String> groupsManagedBy(long staffId);

    /** The group the person is placed in now, when they are known and placed. */
    Optional<String> groupOf(long staffId);
}
