package com.wuaigou.ops.project.domain;

import java.util.Optional;

/** Where a project stands in its PDCA cycle. */
public enum Phase {
    PLAN, DO, CHECK, ACT, CLOSED, CANCELLED;

    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }

    /** The phase the normal cycle leads to next; none once the project is finished. */
    public Optional<Phase> next() {
        return switch (this) {
            case PLAN -> Optional.of(DO);
            case DO -> Optional.of(CHECK);
            case CHECK -> Optional.of(ACT);
            case ACT -> Optional.of(CLOSED);
            case CLOSED, CANCELLED -> Optional.empty();
        };
    }

    /** From CHECK on the work is being judged, so who led it can no longer change. */
    public boolean fixesTheLead() {
        return this == CHECK || this == ACT || !isOpen();
    }

    public boolean canMoveTo(Phase target) {
        return isOpen() && (target == CANCELLED || next().filter(target::equals).isPresent());
    }
}
