package com.wuaigou.ops.quota.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A target from its low to its high end; a single number has equal ends. */
public record TargetRange(BigDecimal low, BigDecimal high) {

    public static final TargetRange ZERO = new TargetRange(BigDecimal.ZERO, BigDecimal.ZERO);

    public TargetRange {
        if (high == null) {
            high = low;
        }
        if (low == null || low.signum() < 0 || high.compareTo(low) < 0) {
            throw new IllegalArgumentException("A target needs 0 <= low <= high");
        }
    }

    /** A range as its two columns store it: no low end means no range; no high end, a single number. */
    public static TargetRange stored(BigDecimal low, BigDecimal high) {
        return low == null ? null : new TargetRange(plain(low), high == null ? null : plain(high));
    }

    public static TargetRange of(String low, String high) {
        return new TargetRange(new BigDecimal(low), high == null ? null : new BigDecimal(high));
    }

    public TargetRange plus(TargetRange other) {
        return new TargetRange(low.add(other.low), high.add(other.high));
    }

    /** Rounded for reporting and judging; sums of prorated fractions lose their last-digit noise here. */
    public TargetRange rounded() {
        return new TargetRange(plain(low.setScale(4, RoundingMode.HALF_UP)), plain(high.setScale(4, RoundingMode.HALF_UP)));
    }

    /** Without trailing zeros, and never in exponent notation (20, not 2E+1). */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public boolean isZero() {
        return high.signum() == 0;
    }
}
