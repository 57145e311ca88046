package com.wuaigou.ops.project.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;


/** Settings of the project service. */
@ConfigMapping(prefix = "ops.project")
public interface ProjectConfig {

    /** Largest page a list request may ask for. */
    @WithDefault("100")
    int maxPageSize();
}
