package com.wuaigou.ops.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** A staff member assisting the lead, with the role they play in the project. */
@Embeddable
public class Assistant {

    @Column(name = "staff_id")
    public Long staffId;

    public String role;

    protected Assistant() {
    }

    public Assistant(Long staffId, String role) {
        this.staffId = staffId;
        this.role = role;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Assistant that && Objects.equals(staffId, that.staffId) && Objects.equals(role, that.role);
    }

    @Override
    public int hashCode() {
        return Objects.hash(staffId, role);
    }
}
