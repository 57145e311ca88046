package com.wuaigou.ops.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.util.Objects;

/** One member's share of the credit for a settled project, in percent. */
@Embeddable
public class MemberShare {

    @Column(name = "staff_id")
    public Long staffId;

    public BigDecimal percent;

    protected MemberShare() {
    }

    public MemberShare(Long staffId, BigDecimal percent) {
        this.staffId = staffId;
        this.percent = percent;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberShare that && Objects.equals(staffId, that.staffId)
                && Objects.equals(percent, that.percent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(staffId, percent);
    }
}
