package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.personnel.config.ScorecardConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scorecard's weights are checked when the service starts (ScorecardService is created at start). */
class ScorecardWeightsTest {

    @Test
    void aNegativeWeightStopsTheStart() {
        assertThatThrownBy(() -> new ScorecardService(weights("-0.1", "1"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> new ScorecardService(weights("1", "-1"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 0");
    }

    @Test
    void twoZeroWeightsStopTheStart() {
        assertThatThrownBy(() -> new ScorecardService(weights("0", "0"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("above 0");
    }

    @Test
    void oneZeroWeightLeavesTheWholeWeightToTheOther() {
        assertThatCode(() -> new ScorecardService(weights("0", "1"), null)).doesNotThrowAnyException();
    }

    private static ScorecardConfig weights(String quotas, String projects) {
        return new ScorecardConfig() {
            @Override
            public Weights weights() {
                return new Weights() {
                    @Override
                    public BigDecimal quotas() {
                        return new BigDecimal(quotas);
                    }

                    @Override
                    public BigDecimal projects() {
                        return new BigDecimal(projects);
                    }
                };
            }

            @Override
            public Duration rebuildTimeout() {
                return Duration.ofMinutes(5);
            }
        };
    }
}
