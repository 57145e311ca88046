package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The frame of every change to a project: load it, honour {@code If-Match}, check the phase, and afterwards stamp the
 * project so its version moves (a concurrent change then fails with an optimistic lock, answered 409).
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

    /** The project to change; {@code ifMatch} (an ETag, {@code *} or absent) must name its current version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Project load(long id, String ifMatch) {
        Project project = find(id);
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")
                && parseVersion(ifMatch) != project.version) {
            throw ProblemException.preconditionFailed("Project " + id + " is at version " + project.version
                    + ", not " + ifMatch.trim() + "; read it again and retry");
        }
        return project;
    }

    public void requirePhase(Project project, String what, Phase... allowed) {
        Set<Phase> phases = EnumSet.copyOf(Arrays.asList(allowed));
        if (!phases.contains(project.phase)) {
            throw ProblemException.ruleViolation("wrong-phase", "Cannot " + what + " while project " + project.code
                    + " is in " + project.phase + "; allowed in " + phases.stream().map(Enum::name)
                    .collect(Collectors.joining(", ")));
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

    private static long parseVersion(String ifMatch) {
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be an ETag of this API, for example \"3\"");
        }
    }
}
