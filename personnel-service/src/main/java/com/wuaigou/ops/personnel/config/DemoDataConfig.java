package com.wuaigou.ops.personnel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the fictional demo roster is loaded at start (the local stack asks for it; production does not). */
@ConfigMapping(prefix = "ops.demo-data")
public interface DemoDataConfig {

    @WithDefault("false")
    boolean enabled();
}
