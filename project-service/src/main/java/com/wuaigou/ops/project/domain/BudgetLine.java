package com.wuaigou.ops.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;

/** One line of a project's budget, in CNY; its final cost is fixed at settlement. */
@Entity
@Table(name = "budget_line")
public class BudgetLine extends PanacheEntityBase {

    public static final String CURRENCY = "CNY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    public String category;

    public BigDecimal planned;

    public String currency = CURRENCY;

    @Column(name = "final_cost")
    public BigDecimal finalCost;

    public static List<BudgetLine> ofProject(long projectId) {
        return list("projectId = ?1 order by id", projectId);
    }
}
