package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.time.DepartmentClock;
import jakarta.enterprise.context.RequestScoped;

import java.time.OffsetDateTime;

/**
 * The instant the changes of one request are stamped with: the department clock, unless in-process work dates its changes
 * in the past, as the demo loader does to give its projects a history in last month.
 */
@RequestScoped
public class ChangeClock {

    private final DepartmentClock clock;
    private OffsetDateTime setTo;

    ChangeClock(DepartmentClock clock) {
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return setTo != null ? setTo : clock.now();
    }

    /** From now on in this request, changes are stamped with {@code instant}. */
    public void set(OffsetDateTime instant) {
        setTo = instant;
    }
}
