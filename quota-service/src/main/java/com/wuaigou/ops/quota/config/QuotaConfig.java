package com.wuaigou.ops.quota.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Settings of the quota service. */
@ConfigMapping(prefix = "ops.quota")
public interface QuotaConfig {

    Calendar calendar();

    Catalog catalog();

    interface Calendar {
        /** Weekdays that are working days unless a holiday says otherwise. */
        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> workingWeekdays();
    }

    interface Catalog {
        /** Classpath resource with the seed catalog, loaded at start when its items are missing. */
        @WithDefault("seed/quota-catalog.csv")
        String seedResource();

        /** From when the seed's numbers are in force. */
        @WithDefault("2020-01-01")
        LocalDate seedEffectiveFrom();
    }
}
