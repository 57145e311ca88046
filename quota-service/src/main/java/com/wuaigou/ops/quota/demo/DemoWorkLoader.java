package com.wuaigou.ops.quota.demo;

import com.wuaigou.ops.common.demo.DemoDataProgress;
import com.wuaigou.ops.common.roster.RosterService;
import com.wuaigou.ops.common.roster.RosterStaff;
import com.wuaigou.ops.common.roster.StaffStatus;
import com.wuaigou.ops.common.security.ActingAs;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.common.demo.DemoDataConfig;
import com.wuaigou.ops.quota.domain.Assignment;
import com.wuaigou.ops.quota.domain.ItemDefinition;
import com.wuaigou.ops.quota.domain.PeriodLock;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.Shape;
import com.wuaigou.ops.quota.domain.TargetRange;
import com.wuaigou.ops.quota.domain.WindowKind;
import com.wuaigou.ops.quota.domain.WorkLog;
import com.wuaigou.ops.quota.service.AssignmentService;
import com.wuaigou.ops.quota.service.AssignmentService.NewAssignment;
import com.wuaigou.ops.quota.service.CalendarService;
import com.wuaigou.ops.quota.service.CatalogService;
import com.wuaigou.ops.quota.service.PeriodLockService;
import com.wuaigou.ops.quota.service.WorkLogService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Loads the demo department's quantified work when {@code ops.demo-data.enabled}: every active person of
 * personnel-service's demo roster gets the items of their post (see {@link DemoPlan}) from the first day of last
 * month, logs every working day of last month, and each group's last month is locked by its manager, which publishes
 * the figures the scorecards show. It runs once the roster copy holds the demo roster, as the managers and people
 * themselves (so every rule of the API applies), and it is idempotent: a person with work in that month, or a group
 * with a lock of it, is left alone, and several instances take turns through an advisory lock.
 */
@ApplicationScoped
public class DemoWorkLoader {

    /** personnel-service's demo roster: ids 1 to 38, employee numbers DEMO-001 on. */
    static final int DEMO_ROSTER_SIZE = 38;
    static final String DEMO_NUMBER_PREFIX = "DEMO-";
    private static final long ADVISORY_KEY = 0x44454D4F_51554F54L;
    private static final Logger LOG = Logger.getLogger(DemoWorkLoader.class);

    private final DemoDataConfig config;
    private final DemoDataProgress progress;
    private final ActingAs actingAs;
    private final CalendarService calendars;
    private final CatalogService catalog;
    private final AssignmentService assignments;
    private final WorkLogService workLogs;
    private final PeriodLockService locks;
    private final RosterService roster;
    private final EntityManager entityManager;

    DemoWorkLoader(DemoDataConfig config, DemoDataProgress progress, ActingAs actingAs, CalendarService calendars,
                   CatalogService catalog, AssignmentService assignments, WorkLogService workLogs,
                   PeriodLockService locks, RosterService roster, EntityManager entityManager) {
        this.config = config;
        this.progress = progress;
        this.actingAs = actingAs;
        this.calendars = calendars;
        this.catalog = catalog;
        this.assignments = assignments;
        this.workLogs = workLogs;
        this.locks = locks;
        this.roster = roster;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            progress.start("demo-work-loader", this::load);
        }
    }

    private void load() {
        // The managers act first (items, assignments, locks): their groups must have arrived as well as the people.
        boolean arrived = progress.await(() -> demoPeople().size() >= DEMO_ROSTER_SIZE && managersKnown(),
                config.rosterWait());
        if (progress.stopping()) {
            return;
        }
        if (!arrived) {
            LOG.warnf("Demo work: only %d of %d demo people reached the roster copy; loading for them",
                    demoPeople().size(), DEMO_ROSTER_SIZE);
        }
        List<RosterStaff> people = demoPeople().stream().filter(s -> s.status == StaffStatus.ACTIVE).toList();
        YearMonth month = YearMonth.from(calendars.today()).minusMonths(1);
        addMissingItems(people, month);
        int logged = 0;
        for (RosterStaff person : people) {
            if (progress.stopping()) {
                return;
            }
            logged += QuarkusTransaction.requiringNew().call(() -> assignAndLog(person, people, month));
        }
        List<String> locked = lockGroups(people, month);
        LOG.infof("Demo work: %d people, %d work logs added in %s, which their managers newly locked for: %s",
                people.size(), logged, month, locked.isEmpty() ? "none" : String.join(", ", locked));
    }

    /** Every demo person's group names its manager in the roster copy. */
    private boolean managersKnown() {
        return demoPeople().stream().map(person -> person.groupCode).distinct()
                .allMatch(group -> managerOf(group).isPresent());
    }

    private static List<RosterStaff> demoPeople() {
        return QuarkusTransaction.requiringNew().call(() -> RosterStaff.<RosterStaff>list(
                "employeeNumber like ?1 order by id", DEMO_NUMBER_PREFIX + "%"));
    }

    /** The demo items, as their groups' managers add them, in force from the first day of the month. */
    private void addMissingItems(List<RosterStaff> people, YearMonth month) {
        QuarkusTransaction.requiringNew().run(() -> {
            DemoDataProgress.takeTurns(entityManager, ADVISORY_KEY);
            for (ItemDefinition item : DemoPlan.EXTRA_ITEMS) {
                if (QuotaItem.findByCode(item.code()).isEmpty()) {
                    managerOf(item.groupCode()).ifPresent(manager ->
                            actingAs.run(manager, Roles.MANAGER, () -> catalog.add(item, month.atDay(1))));
                }
            }
        });
    }

    /** One person's assignments and month of work, in one transaction; nothing when they already have work then. */
    private int assignAndLog(RosterStaff person, List<RosterStaff> people, YearMonth month) {
        DemoDataProgress.takeTurns(entityManager, ADVISORY_KEY);
        LocalDate first = month.atDay(1);
        if (WorkLog.count("staffId = ?1 and workDate between ?2 and ?3", person.id, first, month.atEndOfMonth()) > 0) {
            return 0;
        }
        List<DemoPlan.Planned> planned = DemoPlan.assignments(holdersByPost(people)).stream()
                .filter(p -> p.staffId() == person.id).toList();
        if (Assignment.count("staffId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", person.id,
                first) == 0) {
            long manager = managerOf(person.groupCode).orElse(person.id);
            actingAs.run(manager, Roles.MANAGER, () -> planned.forEach(p -> assignments.assign(new NewAssignment(
                    p.itemCode(), p.staffId(), p.duty(), share(p, first, true), share(p, first, false), first, null))));
        }
        List<DemoMonth.Holding> holdings = planned.stream().map(p -> holding(p, first)).toList();
        List<WorkLogService.LogInput> logs = DemoMonth.logs(person.id, holdings, month, calendars.calendar(),
                DemoPlan.performance(person.id));
        actingAs.run(person.id, Roles.STAFF, () -> logs.forEach(log -> workLogs.record(log, (saved, itemCode) -> saved.id)));
        return logs.size();
    }

    private List<String> lockGroups(List<RosterStaff> people, YearMonth month) {
        Map<String, Long> managers = new TreeMap<>();
        people.forEach(p -> managerOf(p.groupCode).ifPresent(m -> managers.put(p.groupCode, m)));
        List<String> locked = new ArrayList<>();
        managers.forEach((group, manager) -> {
            boolean lockedNow = QuarkusTransaction.requiringNew().call(() -> {
                DemoDataProgress.takeTurns(entityManager, ADVISORY_KEY);
                if (PeriodLock.count("groupCode = ?1 and windowKind = ?2 and startDate = ?3", group, WindowKind.MONTH,
                        month.atDay(1)) > 0) {
                    return false;
                }
                actingAs.run(manager, Roles.MANAGER, () -> locks.lock(group, WindowKind.MONTH, month.atDay(1)));
                return true;
            });
            if (lockedNow) {
                locked.add(group);
            }
        });
        return locked;
    }

    /** Post by post, the people holding it, ids ascending; managers hold their group's manager post. */
    private static Map<String, List<Long>> holdersByPost(List<RosterStaff> people) {
        Map<String, List<Long>> holders = new LinkedHashMap<>();
        people.forEach(p -> holders.computeIfAbsent(p.postCode, post -> new ArrayList<>()).add(p.id));
        return holders;
    }

    /** The group's manager as the roster copy names it, the one definition every rule of the API uses. */
    private Optional<Long> managerOf(String group) {
        return QuarkusTransaction.requiringNew().call(() -> roster.managerOf(group));
    }

    /** An even part of the group's number for a split item, else null (the whole item). */
    private BigDecimal share(DemoPlan.Planned planned, LocalDate on, boolean low) {
        if (!planned.split()) {
            return null;
        }
        TargetRange number = catalog.targetOn(catalog.require(planned.itemCode()), on);
        return (low ? number.low() : number.high()).divide(BigDecimal.valueOf(planned.holders()), 2, RoundingMode.HALF_UP);
    }

    private DemoMonth.Holding holding(DemoPlan.Planned planned, LocalDate on) {
        QuotaItem item = catalog.require(planned.itemCode());
        TargetRange whole = catalog.targetOn(item, on);
        BigDecimal number = planned.split() ? share(planned, on, true)
                : whole == null ? null
                : item.shape == Shape.COVERAGE ? whole.low().multiply(BigDecimal.valueOf(item.slotList().size()))
                : whole.low();
        return new DemoMonth.Holding(item.code, item.shape, item.period, number, item.slotList());
    }

}
