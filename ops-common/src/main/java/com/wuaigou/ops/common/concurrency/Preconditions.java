package com.wuaigou.ops.common.concurrency;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;

/**
 * The check every change of a versioned resource makes once it has loaded the resource and found the caller allowed:
 * {@code If-Match} must be there (428 otherwise) and must match the current version (412 otherwise, naming the current
 * ETag). Checked after authorization, so a refused caller learns no version.
 */
public final class Preconditions {

    /** The problem {@code type} slug of a missing {@code If-Match}. */
    public static final String REQUIRED = "precondition-required";
    /** The problem {@code type} slug of a stale {@code If-Match}, and of a race lost to a concurrent change. */
    public static final String STALE = "stale-version";

    private Preconditions() {
    }

    /**
     * Refuses the change unless {@code ifMatch} matches {@code version}.
     *
     * @param what the resource in the API's words, for example {@code Group PB}
     */
    public static void requireCurrent(IfMatch ifMatch, String what, long version) {
        if (!ifMatch.isPresent()) {
            throw new ProblemException(428, REQUIRED, "Precondition required", what + " changes only with If-Match:"
                    + " send the ETag of the version you read",
                    List.of(new Problem.FieldError(IfMatch.HEADER, "is required: the ETag of the version you read")));
        }
        if (!ifMatch.matches(version)) {
            String current = ETags.of(version).toString();
            throw new ProblemException(412, STALE, "Precondition failed", what + " is at ETag " + current + ", not "
                    + ifMatch + " (If-Match); read it again and retry",
                    List.of(new Problem.FieldError(IfMatch.HEADER, "must match the current ETag " + current)));
        }
    }

    /** {@link #requireCurrent(IfMatch, String, long)} of the header as sent. */
    public static void requireCurrent(String ifMatch, String what, long version) {
        requireCurrent(IfMatch.parse(ifMatch), what, version);
    }

    /**
     * Locks the row of an entity that {@link #requireCurrent} just checked, at the version checked, until the change
     * commits. For a change that writes more than the entity's own row (a new placement beside the person): a
     * concurrent change from the same version then waits here and fails with 412 once this one commits, rather than on
     * whatever else the two would collide.
     */
    public static void hold(EntityManager entityManager, Object entity) {
        entityManager.lock(entity, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The 412 for a change that passed {@link #requireCurrent} but lost the race at flush or commit to a concurrent
     * change of the same version: it would have got 412 had it arrived a moment later.
     */
    public static Problem lostRace() {
        return new Problem(Problem.TYPE_BASE + STALE, "Precondition failed", 412, "The resource changed while this"
                + " request was applied, so it is no longer at the version If-Match names; read it again and retry",
                null, List.of(new Problem.FieldError(IfMatch.HEADER, "no longer matches the current ETag")));
    }
}
