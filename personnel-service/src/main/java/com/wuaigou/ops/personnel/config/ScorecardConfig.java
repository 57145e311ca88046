package com.wuaigou.ops.personnel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

/** How the scorecard weighs its parts, and how long a rebuild may read the topics. */
@ConfigMapping(prefix = "ops.scorecard")
public interface ScorecardConfig {

    Weights weights();

    /** Upper bound for reading both topics to their end during a rebuild. */
    @WithDefault("5M")
    Duration rebuildTimeout();

    /**
     * Weights of the overall score's parts; they are divided by their sum, so 0.6/0.4 and 3/2 weigh the same. Each at
     * least 0 and not both 0, which {@code ScorecardService} checks at start: a constraint annotation here would make
     * Quarkus build a Hibernate Validator over every configuration mapping of the service at each start, about a
     * second of CPU.
     */
    interface Weights {

        /** Env OPS_SCORECARD_WEIGHTS_QUOTAS. */
        @WithDefault("0.6")
        BigDecimal quotas();

        /** Env OPS_SCORECARD_WEIGHTS_PROJECTS. */
        @WithDefault("0.4")
        BigDecimal projects();
    }
}
