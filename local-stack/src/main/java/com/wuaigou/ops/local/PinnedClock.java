package com.wuaigou.ops.local;

import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The instant a service under test takes as now ({@code ops.clock.fixed} of its test profile), read by its tests. */
public final class PinnedClock {

    private PinnedClock() {
    }

    /** The department's date at the pinned instant. */
    public static LocalDate today() {
        Instant fixed = ConfigProvider.getConfig().getValue("ops.clock.fixed", Instant.class);
        ZoneId zone = ConfigProvider.getConfig().getValue("ops.clock.zone", ZoneId.class);
        return LocalDate.ofInstant(fixed, zone);
    }
}
