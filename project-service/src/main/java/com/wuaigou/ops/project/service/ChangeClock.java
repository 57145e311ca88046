package com.wuaigou.ops.project.service;

import jakarta.enterprise.context.RequestScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The instant the changes of one request are stamped with: the wall clock, unless in-process work dates its changes
 * in the past, as the demo loader does to give its projects a history in last month.
 */
@RequestScoped
public class ChangeClock {

    private OffsetDateTime setTo;

    public OffsetDateTime now() {
        return setTo != null ? setTo : OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** From now on in this request, changes are stamped with {@code instant}. */
    public void set(OffsetDateTime instant) {
        setTo = instant;
    }
}
