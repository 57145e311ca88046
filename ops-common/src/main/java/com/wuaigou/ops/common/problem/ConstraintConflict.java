package com.wuaigou.ops.common.problem;

/**
 * A database constraint a service names for its clients: a violation of it answers 409 with this slug and detail,
 * whether the database detects it in the statement, at a flush or at commit. A service lists its constraints in a
 * {@link ConstraintConflicts} bean; a unique constraint it does not list still answers 409, naming the columns.
 *
 * @param constraint the constraint's (or unique index's) name in the database
 * @param slug       the problem type's last segment, as the service's own check of the rule names it
 * @param detail     what collided, for a human
 */
public record ConstraintConflict(String constraint, String slug, String detail) {
}
