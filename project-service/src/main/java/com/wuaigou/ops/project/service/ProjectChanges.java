package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.concurrency.Preconditions;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The frame of every change to a project: load it, check that the caller may change it, honour {@code If-Match}, check
 * the phase, and afterwards stamp the project so its version moves (a concurrent change then fails with an optimistic
 * lock, answered 412 when it named a version in {@code If-Match}, 409 when it sent {@code *}).
 */
@ApplicationScoped
public class ProjectChanges {

    private final EntityManager entityManager;
    private final ChangeClock clock;

    ProjectChanges(EntityManager entityManager, ChangeClock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public Project find(long id) {
        return Project.<Project>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /**
     * The project to change. {@code authorize} refuses a caller who may not make the change; only then must
     * {@code ifMatch} (the header as sent) match the current version (428 when absent, 412 when stale), so a refused
     * caller learns no version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Project load(long id, String ifMatch, Consumer<Project> authorize) {
        Project project = find(id);
        authorize.accept(project);
        Preconditions.requireCurrent(ifMatch, "Project " + id, project.version);
        return project;
    }

    /** The project must be in one of {@code allowed}; a CLOSED or CANCELLED one refuses every change with 409. */
    public void requirePhase(Project project, String what, Phase... allowed) {
        requireOpen(project);
        Set<Phase> phases = EnumSet.copyOf(Arrays.asList(allowed));
        if (!phases.contains(project.phase)) {
            throw ProblemException.ruleViolation("wrong-phase", "Cannot " + what + " while project " + project.code
                    + " is in " + project.phase + "; allowed in " + phases.stream().map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }

    /**
     * What a settlement shares out and costs (members, roles, budget lines) stays as settled, so the settlement and
     * the closed event always describe the project as it is.
     */
    public void requireUnsettled(Project project, String what, List<Problem.FieldError> changed) {
        requireOpen(project);
        if (project.isSettled()) {
            throw new ProblemException(409, "settled", "Conflict", "Cannot " + what + ": project " + project.code
                    + " was settled on " + project.settledAt + " and its members, roles and budget lines are fixed",
                    changed);
        }
    }

    private static void requireOpen(Project project) {
        if (!project.phase.isOpen()) {
            throw ProblemException.conflict("project-finished", "Project " + project.code + " is " + project.phase
                    + "; nothing in its books changes any more");
        }
    }

    /** Stamps the change on the project and flushes, so the returned version is the one now stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Versioned<T> done(Project project, long staffId, T value) {
        project.touch(staffId, now());
        entityManager.flush();
        return new Versioned<>(value, project.version);
    }

    public OffsetDateTime now() {
        return clock.now();
    }
}
