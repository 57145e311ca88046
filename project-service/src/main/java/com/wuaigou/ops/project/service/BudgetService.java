package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.project.domain.BudgetLine;
import com.wuaigou.ops.project.domain.Expense;
import com.wuaigou.ops.project.domain.ExpenseStatus;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.Project;
import com.wuaigou.ops.project.service.ProjectInputs.BudgetLineInput;
import com.wuaigou.ops.project.service.ProjectInputs.ExpenseInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Budget lines and expenses. An expense that would take its line over budget is recorded as PENDING_APPROVAL and
 * marked as an overrun; it counts as spent only once the group's manager approves it. When the manager (or a
 * director) records such an expense themselves, it is approved at once and still marked.
 */
@ApplicationScoped
public class BudgetService {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);

    private final ProjectChanges changes;
    private final ProjectAccess access;

    BudgetService(ProjectChanges changes, ProjectAccess access) {
        this.changes = changes;
        this.access = access;
    }

    @Transactional
    public Versioned<BudgetLine> addLine(long projectId, String ifMatch, BudgetLineInput request) {
        Project project = changes.load(projectId, ifMatch, p -> access.requireLeadOrSupervisor(p, "edit the budget"));
        changes.requireUnsettled(project, "add budget lines", List.of());
        changes.requirePhase(project, "add budget lines", Phase.PLAN, Phase.DO);
        BudgetLine line = new BudgetLine();
        line.projectId = projectId;
        line.category = request.category().trim();
        line.planned = money(request.planned());
        line.persist();
        project.planChanged();
        return changes.done(project, access.callerId(), line);
    }

    @Transactional
    public Versioned<BudgetLine> editLine(long projectId, long lineId, String ifMatch, BudgetLineInput request) {
        Project project = changes.load(projectId, ifMatch, p -> access.requireLeadOrSupervisor(p, "edit the budget"));
        changes.requireUnsettled(project, "edit budget lines", List.of());
        changes.requirePhase(project, "edit budget lines", Phase.PLAN, Phase.DO);
        BudgetLine line = line(projectId, lineId);
        BigDecimal spent = spent(lineId);
        if (request.planned().compareTo(spent) < 0) {
            throw ProblemException.ruleViolation("planned-below-spent", "Line " + lineId + " has already spent " + spent,
                    List.of(new Problem.FieldError("planned", "must not be below the " + spent + " already spent")));
        }
        line.category = request.category().trim();
        line.planned = money(request.planned());
        project.planChanged();
        return changes.done(project, access.callerId(), line);
    }

    @Transactional
    public Versioned<Expense> recordExpense(long projectId, String ifMatch, ExpenseInput request) {
        Project project = changes.load(projectId, ifMatch, p -> access.requireLeadOrSupervisor(p, "record expenses"));
        changes.requirePhase(project, "record expenses", Phase.DO, Phase.CHECK, Phase.ACT);
        BudgetLine line = BudgetLine.<BudgetLine>findByIdOptional(request.lineId())
                .filter(l -> l.projectId == projectId)
                .orElseThrow(() -> ProblemException.ruleViolation("unknown-line", "No budget line " + request.lineId()
                        + " in project " + project.code, List.of(new Problem.FieldError("lineId", "not a line of this project"))));
        Expense expense = new Expense();
        expense.projectId = projectId;
        expense.lineId = line.id;
        expense.amount = money(request.amount());
        expense.spentOn = request.date();
        expense.note = request.note().trim();
        expense.recordedBy = access.callerId();
        expense.recordedAt = changes.now();
        expense.overrun = spent(line.id).add(expense.amount).compareTo(line.planned) > 0;
        if (!expense.overrun) {
            expense.status = ExpenseStatus.ACCEPTED;
        } else if (access.supervises(project.groupCode)) {
            expense.status = ExpenseStatus.APPROVED;
            expense.decidedBy = access.callerId();
            expense.decidedAt = expense.recordedAt;
        } else {
            expense.status = ExpenseStatus.PENDING_APPROVAL;
        }
        expense.persist();
        return changes.done(project, access.callerId(), expense);
    }

    /** The group's manager approves or rejects an expense waiting because it takes its line over budget. */
    @Transactional
    public Versioned<Expense> decide(long projectId, long expenseId, String ifMatch, boolean approve) {
        Project project = changes.load(projectId, ifMatch, p -> access.requireSupervisor(p, "approve overruns"));
        changes.requirePhase(project, "decide on overruns", Phase.DO, Phase.CHECK, Phase.ACT);
        Expense expense = Expense.<Expense>findByIdOptional(expenseId).filter(e -> e.projectId == projectId)
                .orElseThrow(() -> ProblemException.notFound("expense", expenseId));
        if (expense.status != ExpenseStatus.PENDING_APPROVAL) {
            throw ProblemException.conflict("already-decided", "Expense " + expenseId + " is " + expense.status
                    + ", not waiting for approval");
        }
        expense.status = approve ? ExpenseStatus.APPROVED : ExpenseStatus.REJECTED;
        expense.decidedBy = access.callerId();
        expense.decidedAt = changes.now();
        return changes.done(project, access.callerId(), expense);
    }

    public List<Expense> expenses(long projectId) {
        access.requireRead(changes.find(projectId));
        return Expense.ofProject(projectId);
    }

    public BudgetSummary summary(long projectId) {
        access.requireRead(changes.find(projectId));
        return summarise(BudgetLine.ofProject(projectId), Expense.ofProject(projectId));
    }

    /** Whether any line of the project has spent more than planned. */
    public boolean overBudget(long projectId) {
        return summarise(BudgetLine.ofProject(projectId), Expense.ofProject(projectId)).lines().stream()
                .anyMatch(BudgetSummary.LineFigures::overBudget);
    }

    static BudgetSummary summarise(List<BudgetLine> lines, List<Expense> expenses) {
        List<BudgetSummary.LineFigures> lineFigures = new ArrayList<>();
        BigDecimal planned = ZERO;
        BigDecimal spent = ZERO;
        BigDecimal pending = ZERO;
        BigDecimal finalCost = ZERO;
        boolean allSettled = !lines.isEmpty();
        for (BudgetLine line : lines) {
            BigDecimal lineSpent = sum(expenses, line.id);
            BigDecimal linePending = expenses.stream()
                    .filter(e -> e.lineId.equals(line.id) && e.status == ExpenseStatus.PENDING_APPROVAL)
                    .map(e -> e.amount).reduce(ZERO, BigDecimal::add);
            lineFigures.add(new BudgetSummary.LineFigures(line.id, line.category, line.planned, lineSpent,
                    line.planned.subtract(lineSpent), linePending, lineSpent.compareTo(line.planned) > 0,
                    line.finalCost, line.finalCost == null ? null : line.finalCost.subtract(line.planned)));
            planned = planned.add(line.planned);
            spent = spent.add(lineSpent);
            pending = pending.add(linePending);
            if (line.finalCost == null) {
                allSettled = false;
            } else {
                finalCost = finalCost.add(line.finalCost);
            }
        }
        BudgetSummary.Totals total = new BudgetSummary.Totals(planned, spent, planned.subtract(spent), pending,
                allSettled ? finalCost : null, allSettled ? finalCost.subtract(planned) : null);

        Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        expenses.stream().filter(e -> e.status.counts())
                .forEach(e -> byMonth.merge(YearMonth.from(e.spentOn), e.amount, BigDecimal::add));
        List<BudgetSummary.MonthFigures> months = new ArrayList<>();
        BigDecimal cumulative = ZERO;
        for (Map.Entry<YearMonth, BigDecimal> month : byMonth.entrySet()) {
            cumulative = cumulative.add(month.getValue());
            months.add(new BudgetSummary.MonthFigures(month.getKey().toString(), month.getValue(), cumulative,
                    planned.subtract(cumulative)));
        }
        return new BudgetSummary(BudgetLine.CURRENCY, lineFigures, total, months);
    }

    private BudgetLine line(long projectId, long lineId) {
        return BudgetLine.<BudgetLine>findByIdOptional(lineId).filter(l -> l.projectId == projectId)
                .orElseThrow(() -> ProblemException.notFound("budget line", lineId));
    }

    private static BigDecimal spent(long lineId) {
        return sum(Expense.list("lineId", lineId), lineId);
    }

    private static BigDecimal sum(List<Expense> expenses, Long lineId) {
        return expenses.stream().filter(e -> e.lineId.equals(lineId) && e.status.counts())
                .map(e -> e.amount).reduce(ZERO, BigDecimal::add);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
