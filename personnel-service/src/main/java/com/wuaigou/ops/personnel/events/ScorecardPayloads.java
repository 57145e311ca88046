package com.wuaigou.ops.personnel.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The parts of quota-service's period events and project-service's finished events the scorecard keeps. */
public final class ScorecardPayloads {

    private ScorecardPayloads() {
    }

    /** {@code ops.quota.period.locked.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PeriodLocked(long lockId, String groupCode, String windowKind, LocalDate start, LocalDate end,
                               Long lockedBy, List<PersonFigures> people) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonFigures(long staffId, String name, List<ItemFigure> items, Long workloadMinutes,
                                Long workingMinutes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemFigure(String itemCode, BigDecimal targetLow, BigDecimal targetHigh, BigDecimal done,
                             Long creditedMinutes, BigDecimal ratio, String status, boolean planned, String duty) {
    }

    /** {@code ops.quota.period.reopened.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PeriodReopened(long lockId, String groupCode, String windowKind, LocalDate start, LocalDate end) {
    }

    /** {@code ops.project.closed.v1} and {@code ops.project.cancelled.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectFinished(long projectId, String code, String type, String title, String groupCode,
                                  long leadId, List<ProjectMember> members, String outcome, Integer evaluationScore,
                                  OffsetDateTime finishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectMember(long staffId, String role, BigDecimal sharePercent) {
    }
}
