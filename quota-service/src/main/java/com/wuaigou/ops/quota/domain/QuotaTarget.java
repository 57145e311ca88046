package com.wuaigou.ops.quota.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An item's number from a date on; the next row replaces it, earlier periods keep theirs. */
@Entity
@Table(name = "quota_target")
public class QuotaTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "item_id")
    public Long itemId;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "target_min")
    public BigDecimal targetMin;
    @Column(name = "target_max")
    public BigDecimal targetMax;
    @Column(name = "recorded_by")
    public Long recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static List<QuotaTarget> history(long itemId) {
        return list("itemId = ?1 order by effectiveFrom", itemId);
    }

    /** The number as a range, or null for an item without one. */
    public TargetRange range() {
        return TargetRange.stored(targetMin, targetMax);
    }
}
