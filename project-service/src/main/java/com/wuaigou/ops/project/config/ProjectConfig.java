package com.wuaigou.ops.project.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** Settings of the project service. */
@ConfigMapping(prefix = "ops.project")
public interface ProjectConfig {

    /** The department's time zone: it decides which day "today" is for overdue actions and expense months. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Largest page a list request may ask for. */
    @WithDefault("100")
    int maxPageSize();
}
