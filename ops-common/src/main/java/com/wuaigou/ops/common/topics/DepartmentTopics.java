package com.wuaigou.ops.common.topics;

import java.time.Duration;
import java.util.List;

/**
 * Every topic of the department as {@code docs/asyncapi.yaml} declares it (channel bindings: partitions,
 * {@code cleanup.policy}, {@code retention.ms}). Every service creates the missing ones at start and refuses to start
 * when an existing one contradicts this list; a test compares the topics a service created with the document.
 */
public final class DepartmentTopics {

    /** History is kept at least a year for appraisal: 366 days, {@code retention.ms} 31622400000. */
    public static final Duration APPRAISAL_RETENTION = Duration.ofDays(366);

    public static final List<TopicSpec> ALL = List.of(
            TopicSpec.compacted("ops.personnel.staff", 3),
            TopicSpec.compacted("ops.personnel.groups", 3),
            TopicSpec.compacted("ops.personnel.shifts", 3),
            TopicSpec.kept("ops.quota.worklogs", 3, APPRAISAL_RETENTION),
            TopicSpec.kept("ops.quota.attainment", 3, APPRAISAL_RETENTION),
            TopicSpec.kept("ops.quota.periods", 3, APPRAISAL_RETENTION),
            TopicSpec.kept("ops.project.projects", 3, APPRAISAL_RETENTION));

    private DepartmentTopics() {
    }
}
