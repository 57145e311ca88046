package com.wuaigou.ops.project.demo;

import com.wuaigou.ops.common.demo.DemoDataConfig;
import com.wuaigou.ops.common.demo.DemoDataProgress;
import com.wuaigou.ops.common.roster.RosterGroup;
import com.wuaigou.ops.common.roster.RosterStaff;
import com.wuaigou.ops.common.roster.StaffStatus;
import com.wuaigou.ops.common.security.ActingAs;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.project.demo.DemoProjects.Spec;
import com.wuaigou.ops.project.demo.DemoProjects.Team;
import com.wuaigou.ops.project.domain.ActionStatus;
import com.wuaigou.ops.project.domain.Expense;
import com.wuaigou.ops.project.domain.ExpenseStatus;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.Project;
import com.wuaigou.ops.project.domain.Rag;
import com.wuaigou.ops.project.service.ActionService;
import com.wuaigou.ops.project.service.BudgetService;
import com.wuaigou.ops.project.service.ChangeClock;
import com.wuaigou.ops.project.service.CheckInService;
import com.wuaigou.ops.project.service.LifecycleService;
import com.wuaigou.ops.project.service.ProjectInputs.ActionInput;
import com.wuaigou.ops.project.service.ProjectInputs.ActionStatusChange;
import com.wuaigou.ops.project.service.ProjectInputs.AssistantInput;
import com.wuaigou.ops.project.service.ProjectInputs.BudgetLineInput;
import com.wuaigou.ops.project.service.ProjectInputs.CheckInInput;
import com.wuaigou.ops.project.service.ProjectInputs.CriterionResult;
import com.wuaigou.ops.project.service.ProjectInputs.EvaluationInput;
import com.wuaigou.ops.project.service.ProjectInputs.ExpenseInput;
import com.wuaigou.ops.project.service.ProjectInputs.FollowUpInput;
import com.wuaigou.ops.project.service.ProjectInputs.LineCost;
import com.wuaigou.ops.project.service.ProjectInputs.NewProject;
import com.wuaigou.ops.project.service.ProjectInputs.ProposalInput;
import com.wuaigou.ops.project.service.ProjectInputs.SettlementInput;
import com.wuaigou.ops.project.service.ProjectInputs.ShareInput;
import com.wuaigou.ops.project.service.ProjectInputs.TransitionRequest;
import com.wuaigou.ops.project.service.ProjectService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Loads the demo department's projects when {@code ops.demo-data.enabled} (see {@link DemoProjects}): each goes
 * through the service's own operations as its lead and its group's manager would, gate by gate, with the changes dated
 * in last month, so the closed ones count on last month's scorecards. It runs once the roster copy holds the demo
 * roster; a project whose code exists is left alone (the code names the month), and several instances take turns
 * through an advisory lock.
 */
@ApplicationScoped
public class DemoProjectLoader {

    /** personnel-service's demo roster: ids 1 to 38, employee numbers DEMO-001 on. */
    static final int DEMO_ROSTER_SIZE = 38;
    static final String DEMO_NUMBER_PREFIX = "DEMO-";
    private static final long ADVISORY_KEY = 0x44454D4F_50524F4AL;
    private static final Logger LOG = Logger.getLogger(DemoProjectLoader.class);
    /** The loader changes each project right after its own previous change, so whatever version is current is its. */
    private static final String ANY_VERSION = "*";

    private final DemoDataConfig config;
    private final DepartmentClock departmentClock;
    private final DemoDataProgress progress;
    private final ActingAs actingAs;
    private final ChangeClock clock;
    private final ProjectService projects;
    private final BudgetService budgets;
    private final ActionService actions;
    private final CheckInService checkIns;
    private final LifecycleService lifecycle;
    private final EntityManager entityManager;

    DemoProjectLoader(DemoDataConfig config, DepartmentClock departmentClock, DemoDataProgress progress, ActingAs actingAs,
                      ChangeClock clock, ProjectService projects, BudgetService budgets, ActionService actions,
                      CheckInService checkIns, LifecycleService lifecycle, EntityManager entityManager) {
        this.config = config;
        this.departmentClock = departmentClock;
        this.progress = progress;
        this.actingAs = actingAs;
        this.clock = clock;
        this.projects = projects;
        this.budgets = budgets;
        this.actions = actions;
        this.checkIns = checkIns;
        this.lifecycle = lifecycle;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            progress.start("demo-project-loader", this::load);
        }
    }

    private void load() {
        if (!progress.await(DemoProjectLoader::demoRosterArrived, config.rosterWait())) {
            if (progress.stopping()) {
                return;
            }
            throw new IllegalStateException("The demo roster did not reach the roster copy within " + config.rosterWait());
        }
        LocalDate today = departmentClock.today();
        YearMonth month = YearMonth.from(today).minusMonths(1);
        int added = 0;
        for (Spec spec : DemoProjects.SPECS) {
            if (progress.stopping()) {
                return;
            }
            if (QuarkusTransaction.requiringNew().call(() -> add(spec, month, today))) {
                added++;
            }
        }
        LOG.infof("Demo projects: %d of %d added with their history in %s (the set per phase: %s)", added,
                DemoProjects.SPECS.size(), month, DemoProjects.perPhase());
    }

    /** Every demo person and every group's manager are in the roster copy. */
    private static boolean demoRosterArrived() {
        return QuarkusTransaction.requiringNew().call(() ->
                RosterStaff.count("employeeNumber like ?1", DEMO_NUMBER_PREFIX + "%") >= DEMO_ROSTER_SIZE
                        && DemoProjects.GROUPS.stream().allMatch(code -> RosterGroup.<RosterGroup>findByIdOptional(code)
                        .map(g -> g.managerId != null).orElse(false)));
    }

    /** One project from creation to the phase it stops in, in one transaction; false when its code exists. */
    private boolean add(Spec spec, YearMonth month, LocalDate today) {
        DemoDataProgress.takeTurns(entityManager, ADVISORY_KEY);
        String code = DEMO_NUMBER_PREFIX + month + "-" + spec.key();
        if (Project.count("code", code) > 0) {
            return false;
        }
        Team team = team(spec);
        History history = new History(month, team);
        LocalDate start = spec.phase() == Phase.PLAN ? today.plusDays(7) : history.date(3);
        LocalDate end = switch (spec.phase()) {
            case PLAN -> today.plusDays(40);
            case DO -> today.plusDays(21);
            default -> history.date(20);
        };
        long id = history.bySupervisor(1, () -> projects.create(new NewProject(code, spec.type(), spec.size(),
                spec.title(), spec.group(), team.lead(), team.assistants().entrySet().stream()
                .map(a -> new AssistantInput(a.getKey(), a.getValue())).toList(), start, end))).id;
        history.byLead(1, () -> projects.propose(id, ANY_VERSION, new ProposalInput(spec.objectives(), spec.criteria())));
        List<Long> lines = spec.lines().stream().map(line -> history.byLead(1, () -> budgets.addLine(id, ANY_VERSION,
                new BudgetLineInput(line.category(), new BigDecimal(line.planned()))).value().id)).toList();
        long firstAssistant = team.assistants().keySet().stream().findFirst().orElse(team.lead());
        long prepare = history.byLead(2, () -> actions.add(id, ANY_VERSION,
                new ActionInput("Prepare the materials", team.lead(), start.plusDays(5))).value().id);
        long run = history.byLead(2, () -> actions.add(id, ANY_VERSION,
                new ActionInput("Run it and report", firstAssistant, start.plusDays(9))).value().id);
        if (spec.phase() == Phase.DO) {
            history.byLead(2, () -> actions.add(id, ANY_VERSION,
                    new ActionInput("Wrap up and hand over", team.lead(), today.plusDays(10))));
        }
        if (!spec.approved()) {
            return true;
        }
        history.bySupervisor(2, () -> projects.approve(id, ANY_VERSION));
        if (spec.phase() == Phase.PLAN) {
            return true;
        }
        history.byLead(3, () -> move(id, Phase.DO, "Plan approved"));
        spend(spec, id, lines, history);
        history.byLead(8, () -> checkIns.add(id, ANY_VERSION, new CheckInInput(history.date(8), 35, Rag.GREEN, null,
                "Keep to the plan")));
        history.bySupervisor(15, () -> checkIns.add(id, ANY_VERSION, new CheckInInput(history.date(15), 70, Rag.AMBER,
                "A supplier is two days late", "Chase the supplier every morning")));
        if (spec.phase() == Phase.CANCELLED) {
            history.bySupervisor(16, () -> move(id, Phase.CANCELLED, DemoProjects.CANCEL_REASON));
            return true;
        }
        history.byLead(10, () -> actions.changeStatus(id, prepare, ANY_VERSION, new ActionStatusChange(ActionStatus.DONE, null)));
        if (spec.phase() == Phase.DO) {
            return true;
        }
        ActionStatusChange ran = spec.phase() == Phase.CHECK
                ? new ActionStatusChange(ActionStatus.DROPPED, "Folded into preparing the materials")
                : new ActionStatusChange(ActionStatus.DONE, null);
        history.byLead(18, () -> actions.changeStatus(id, run, ANY_VERSION, ran));
        history.byLead(19, () -> move(id, Phase.CHECK, "Every action done"));
        if (spec.phase() == Phase.CHECK) {
            return true;
        }
        DemoProjects.Review review = spec.review();
        history.bySupervisor(21, () -> lifecycle.evaluate(id, ANY_VERSION, new EvaluationInput(review.score(),
                review.wentWell(), review.wentBadly(), IntStream.range(0, review.results().size())
                .mapToObj(i -> new CriterionResult(i, review.results().get(i).result(), review.results().get(i).met()))
                .toList())));
        history.byLead(22, () -> move(id, Phase.ACT, "Evaluated"));
        history.byLead(22, () -> lifecycle.followUp(id, ANY_VERSION, new FollowUpInput(review.standardise(),
                review.changeNextTime())));
        if (spec.phase() == Phase.ACT) {
            return true;
        }
        history.bySupervisor(23, () -> lifecycle.settle(id, ANY_VERSION, new SettlementInput(
                lines.stream().map(line -> new LineCost(line, spent(line))).toList(),
                team.shares().entrySet().stream().map(s -> new ShareInput(s.getKey(), s.getValue())).toList())));
        history.bySupervisor(24, () -> move(id, Phase.CLOSED, "Settled"));
        return true;
    }

    /** Every expense of the spec, a few days apart; the group's manager approves an overrun of a finished project. */
    private void spend(Spec spec, long id, List<Long> lines, History history) {
        int day = 5;
        for (int i = 0; i < lines.size(); i++) {
            long line = lines.get(i);
            String category = spec.lines().get(i).category();
            for (String amount : spec.lines().get(i).spent()) {
                int on = day;
                Expense expense = history.byLead(on, () -> budgets.recordExpense(id, ANY_VERSION, new ExpenseInput(line,
                        new BigDecimal(amount), history.date(on), category))).value();
                if (expense.status == ExpenseStatus.PENDING_APPROVAL && spec.phase() != Phase.DO) {
                    history.bySupervisor(on + 1, () -> budgets.decide(id, expense.id, ANY_VERSION, true));
                }
                day += 3;
            }
        }
    }

    private Object move(long id, Phase to, String reason) {
        return lifecycle.transition(id, ANY_VERSION, new TransitionRequest(to, reason));
    }

    private static BigDecimal spent(long line) {
        return Expense.<Expense>list("lineId = ?1 and status in ?2", line,
                        List.of(ExpenseStatus.ACCEPTED, ExpenseStatus.APPROVED)).stream()
                .map(e -> e.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Team team(Spec spec) {
        Map<String, Long> managers = new HashMap<>();
        DemoProjects.GROUPS.forEach(g -> managers.put(g, RosterGroup.<RosterGroup>findById(g).managerId));
        long manager = managers.get(spec.group());
        List<Long> members = RosterStaff.<RosterStaff>list(
                        "groupCode = ?1 and status = ?2 and employeeNumber like ?3 order by id", spec.group(),
                        StaffStatus.ACTIVE, DEMO_NUMBER_PREFIX + "%").stream()
                .map(s -> s.id).filter(staffId -> staffId != manager).toList();
        int next = (DemoProjects.GROUPS.indexOf(spec.group()) + 1) % DemoProjects.GROUPS.size();
        return DemoProjects.team(spec, manager, new ArrayList<>(members), managers.get(DemoProjects.GROUPS.get(next)));
    }

    /** Acts as the project's lead or its group's manager on a day of last month, each project an hour apart. */
    private final class History {
        private final YearMonth month;
        private final Team team;
        private final int hour;

        History(YearMonth month, Team team) {
            this.month = month;
            this.team = team;
            this.hour = 9 + (int) (team.lead() % 8);
        }

        LocalDate date(int day) {
            return month.atDay(Math.min(day, month.lengthOfMonth()));
        }

        <T> T byLead(int day, Supplier<T> change) {
            return as(team.lead(), Roles.STAFF, day, change);
        }

        <T> T bySupervisor(int day, Supplier<T> change) {
            return as(team.supervisor(), Roles.MANAGER, day, change);
        }

        private <T> T as(long staffId, String role, int day, Supplier<T> change) {
            OffsetDateTime at = date(day).atTime(hour, 0).atZone(departmentClock.zone()).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC);
            return actingAs.call(staffId, role, () -> {
                clock.set(at);
                return change.get();
            });
        }
    }
}
