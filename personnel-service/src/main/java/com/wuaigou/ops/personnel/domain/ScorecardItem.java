package com.wuaigou.ops.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Set;

/** One item of a person's locked month, as quota-service judged it. */
@Entity
@Table(name = "scorecard_item")
public class ScorecardItem extends PanacheEntityBase {

    /** Quota's statuses that count as met. */
    private static final Set<String> MET = Set.of("MET", "EXCEEDED");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(name = "target_low")
    public BigDecimal targetLow;

    @Column(name = "target_high")
    public BigDecimal targetHigh;

    public BigDecimal done;

    @Column(name = "credited_minutes")
    public Long creditedMinutes;

    public BigDecimal ratio;

    @Column(nullable = false)
    public String status;

    public boolean planned;

    /** PRIMARY, FLEXIBLE, or null for unplanned work (and for locks published before quota reported it). */
    public String duty;

    public boolean hasTarget() {
        return targetLow != null && !"NO_TARGET".equals(status);
    }

    public boolean isMet() {
        return hasTarget() && MET.contains(status);
    }
}
