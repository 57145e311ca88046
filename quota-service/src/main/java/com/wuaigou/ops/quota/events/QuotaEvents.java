package com.wuaigou.ops.quota.events;

import com.wuaigou.ops.quota.domain.AttainmentStatus;
import com.wuaigou.ops.quota.domain.Duty;
import com.wuaigou.ops.quota.domain.ItemAttainment;
import com.wuaigou.ops.quota.domain.WindowKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Topics, types and payloads of the events this service publishes (through the outbox). */
public final class QuotaEvents {

    public static final String WORKLOGS_TOPIC = "ops.quota.worklogs";
    public static final String WORKLOG_RECORDED = "ops.quota.worklog.recorded.v1";
    public static final String WORKLOG_CORRECTED = "ops.quota.worklog.corrected.v1";
    public static final String ATTAINMENT_TOPIC = "ops.quota.attainment";
    public static final String ATTAINMENT_MET = "ops.quota.attainment.met.v1";
    public static final String ATTAINMENT_UNMET = "ops.quota.attainment.unmet.v1";
    public static final String PERIODS_TOPIC = "ops.quota.periods";
    public static final String PERIOD_LOCKED = "ops.quota.period.locked.v1";
    public static final String PERIOD_REOPENED = "ops.quota.period.reopened.v1";

    private QuotaEvents() {
    }

    /** A log as recorded or corrected; key = staff id of the subject. */
    public record WorkLogData(long logId, long staffId, String itemCode, String itemGroupCode, String groupCode,
                              LocalDate workDate, BigDecimal quantity, Integer minutes, String slot, List<Long> crew,
                              String note, boolean unplanned, int revision, long actorId, String reason) {
    }

    /** An item's figures for one subject and window; key = staff id or group code. */
    public record AttainmentData(String subjectType, String subjectId, String itemCode, String itemGroupCode,
                                 WindowKind windowKind, LocalDate windowStart, LocalDate windowEnd,
                                 BigDecimal targetLow, BigDecimal targetHigh, BigDecimal done, BigDecimal ratio,
                                 AttainmentStatus status) {

        public static AttainmentData of(String subjectType, String subjectId, ItemAttainment figures,
                                        WindowKind kind, LocalDate start, LocalDate end) {
            return new AttainmentData(subjectType, subjectId, figures.item().code(), figures.item().groupCode(), kind,
                    start, end, figures.target() == null ? null : figures.target().low(),
                    figures.target() == null ? null : figures.target().high(), figures.done(), figures.ratio(),
                    figures.status());
        }
    }

    /**
     * One item of a person's period summary.
     *
     * @param duty PRIMARY or FLEXIBLE as the person's assignment of the item in the window says (the latest one when
     *             several touch it); null for unplanned work
     */
    public record ItemFigure(String itemCode, BigDecimal targetLow, BigDecimal targetHigh, BigDecimal done,
                             long creditedMinutes, BigDecimal ratio, AttainmentStatus status, boolean planned,
                             Duty duty) {

        public static ItemFigure of(ItemAttainment figures, Duty duty) {
            return new ItemFigure(figures.item().code(), figures.target() == null ? null : figures.target().low(),
                    figures.target() == null ? null : figures.target().high(), figures.done(),
                    figures.creditedMinutes(), figures.ratio(), figures.status(), figures.planned(),
                    figures.planned() ? duty : null);
        }
    }

    /**
     * A person's period summary.
     *
     * @param workloadMinutes minutes credited in the window (the workload figure: standard minutes, otherwise logged)
     * @param workingMinutes  working days of the window on the calendar times 480
     */
    public record PersonFigures(long staffId, String name, List<ItemFigure> items, long workloadMinutes,
                                long workingMinutes) {
    }

    /** A locked period with each person's attainment per item; key = group code. */
    public record PeriodLockedData(long lockId, String groupCode, WindowKind windowKind, LocalDate start, LocalDate end,
                                   long lockedBy, List<PersonFigures> people) {
    }

    public record PeriodReopenedData(long lockId, String groupCode, WindowKind windowKind, LocalDate start,
                                     LocalDate end, long reopenedBy, String reason) {
    }
}
