package com.wuaigou.ops.project.domain;

import jakarta.persistence.Embeddable;

/** A measurable success criterion of the proposal and, once evaluated, its result. */
@Embeddable
public class SuccessCriterion {

    public String description;

    public String result;

    public Boolean met;

    protected SuccessCriterion() {
    }

    public SuccessCriterion(String description) {
        this.description = description;
    }
}
