package com.wuaigou.ops.quota.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One work log as the arithmetic sees it; {@code crew} is everyone credited, the subject included. */
public record LogFact(long itemId, LocalDate workDate, BigDecimal quantity, Integer minutes, String slot,
                      List<Long> crew) {

    public LogFact {
        crew = List.copyOf(crew);
    }

    public int loggedMinutes() {
        return minutes == null ? 0 : minutes;
    }
}
