package com.wuaigou.ops.quota.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A person's credited minutes on one day against the working day's minutes. */
public record DayWorkload(LocalDate date, boolean workingDay, long minutes, int dayMinutes, BigDecimal ratio) {
}
