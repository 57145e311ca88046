package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.personnel.config.ScorecardConfig;
import com.wuaigou.ops.personnel.domain.Placement;
import com.wuaigou.ops.personnel.domain.ScorecardItem;
import com.wuaigou.ops.personnel.domain.ScorecardLock;
import com.wuaigou.ops.personnel.domain.ScorecardPerson;
import com.wuaigou.ops.personnel.domain.ScorecardProject;
import com.wuaigou.ops.personnel.domain.ScorecardProjectMember;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffGroup;
import com.wuaigou.ops.personnel.service.Scorecards.GroupCard;
import com.wuaigou.ops.personnel.service.Scorecards.GroupTotals;
import com.wuaigou.ops.personnel.service.Scorecards.ItemLine;
import com.wuaigou.ops.personnel.service.Scorecards.Overall;
import com.wuaigou.ops.personnel.service.Scorecards.ProjectLine;
import com.wuaigou.ops.personnel.service.Scorecards.ProjectPart;
import com.wuaigou.ops.personnel.service.Scorecards.QuotaPart;
import com.wuaigou.ops.personnel.service.Scorecards.StaffCard;
import com.wuaigou.ops.personnel.service.Scorecards.Workload;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds a person's and a group's monthly scorecard from the event-fed tables and personnel's own placements.
 *
 * <p>overall = (wq x quota part + wp x project part) / (wq + wp), where the quota part is 100 x items met (MET or
 * EXCEEDED) / items with a target, from the month's locked figures, and the project part is the mean evaluation score
 * of the projects closed in the month that the person led or assisted, weighted by their share of the credit. A part
 * without data leaves the whole weight to the other; without either there is no score.
 */
@ApplicationScoped
@Startup
public class ScorecardService {

    static final String FORMULA = "overall = (wq x quota part + wp x project part) / (wq + wp); quota part = 100 x"
            + " items met (MET or EXCEEDED) / items with a target in the month's locked figures; project part ="
            + " evaluation scores of the projects closed in the month that the person led or assisted, averaged"
            + " weighted by the person's share of the credit; a part without data leaves the whole weight to the other";
    private static final String FLEXIBLE = "FLEXIBLE";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ScorecardConfig config;
    private final AccessPolicy access;

    ScorecardService(ScorecardConfig config, AccessPolicy access) {
        this.config = config;
        this.access = access;
        if (config.weights().quotas().signum() < 0 || config.weights().projects().signum() < 0) {
            throw new IllegalStateException("ops.scorecard.weights: quotas and projects must be at least 0");
        }
        if (config.weights().quotas().add(config.weights().projects()).signum() <= 0) {
            throw new IllegalStateException("ops.scorecard.weights: at least one of quotas and projects must be above 0");
        }
    }

    public StaffCard staffCard(long staffId, YearMonth month) {
        Staff staff = Staff.<Staff>findByIdOptional(staffId)
                .orElseThrow(() -> ProblemException.notFound("staff member", staffId));
        Set<String> groups = groupsDuring(staffId, month);
        if (!access.readsEverything() && !access.isCaller(staffId)
                && groups.stream().noneMatch(access::manages) && !access.manages(staff.groupCode)) {
            throw ProblemException.forbidden("A scorecard is shown to the person, the manager of their group,"
                    + " directors, admins and bi");
        }
        return card(staff, month, activeLocks(month), groups);
    }

    public GroupCard groupCard(String groupCode, YearMonth month) {
        StaffGroup group = StaffGroup.<StaffGroup>findByIdOptional(groupCode)
                .orElseThrow(() -> ProblemException.notFound("group", groupCode));
        if (!access.readsEverything() && !access.manages(group.code)) {
            throw ProblemException.forbidden("A group's scorecard is shown to its manager, directors, admins and bi");
        }
        Map<String, ScorecardLock> locks = activeLocks(month);
        List<Long> memberIds = Placement.<Placement>list(
                        "groupCode = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?3)",
                        group.code, month.atEndOfMonth(), month.atDay(1))
                .stream().map(p -> p.staffId).distinct().toList();
        List<StaffCard> members = memberIds.isEmpty() ? List.of() : Staff.<Staff>list("id in ?1", memberIds).stream()
                .map(s -> card(s, month, locks, groupsDuring(s.id, month)))
                .sorted(Comparator.comparing(StaffCard::name).thenComparing(StaffCard::staffId))
                .toList();
        ScorecardLock lock = locks.get(group.code);
        return new GroupCard(group.code, month.toString(), lock != null, lock == null ? null : lock.lockId, members,
                totals(members));
    }

    private StaffCard card(Staff staff, YearMonth month, Map<String, ScorecardLock> locks, Set<String> groups) {
        List<Long> lockIds = locks.values().stream().map(l -> l.lockId).toList();
        ScorecardPerson figures = lockIds.isEmpty() ? null : ScorecardPerson
                .<ScorecardPerson>find("staffId = ?1 and lockId in ?2 order by lockId desc", staff.id, lockIds)
                .firstResult();
        List<ScorecardItem> items = figures == null ? List.of()
                : ScorecardItem.list("personId = ?1 order by itemCode", figures.id);
        List<String> pending = groups.stream().filter(g -> !locks.containsKey(g)).sorted().toList();
        Set<Long> sourceIds = groups.stream().map(locks::get).filter(Objects::nonNull).map(l -> l.lockId)
                .collect(Collectors.toSet());
        if (figures != null) {
            sourceIds.add(figures.lockId);
        }
        List<Long> sources = sourceIds.stream().sorted().toList();
        QuotaPart quotas = quotaPart(items);
        ProjectPart projects = projectPart(staff.id, month);
        return new StaffCard(staff.id, staff.name, month.toString(), figures != null && pending.isEmpty(), sources,
                pending,
                lines(items, i -> i.planned && !FLEXIBLE.equals(i.duty)),
                lines(items, i -> FLEXIBLE.equals(i.duty)),
                lines(items, i -> !i.planned),
                quotas, workload(figures), projects, overall(quotas.score(), projects.score()));
    }

    private static List<ItemLine> lines(List<ScorecardItem> items, Predicate<ScorecardItem> which) {
        return items.stream().filter(which)
                .map(i -> new ItemLine(i.itemCode, i.targetLow, i.targetHigh, i.done, i.ratio, i.status,
                        i.creditedMinutes, i.duty))
                .toList();
    }

    private static QuotaPart quotaPart(List<ScorecardItem> items) {
        int withTarget = (int) items.stream().filter(ScorecardItem::hasTarget).count();
        int met = (int) items.stream().filter(ScorecardItem::isMet).count();
        if (withTarget == 0) {
            return new QuotaPart(0, 0, null, null);
        }
        BigDecimal share = BigDecimal.valueOf(met).divide(BigDecimal.valueOf(withTarget), 4, RoundingMode.HALF_UP);
        BigDecimal score = BigDecimal.valueOf(met).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(withTarget), 2, RoundingMode.HALF_UP);
        return new QuotaPart(withTarget, met, share, score);
    }

    private static Workload workload(ScorecardPerson figures) {
        if (figures == null) {
            return new Workload(null, null, null);
        }
        BigDecimal ratio = figures.workloadMinutes == null || figures.workingMinutes == null
                || figures.workingMinutes == 0 ? null
                : BigDecimal.valueOf(figures.workloadMinutes)
                .divide(BigDecimal.valueOf(figures.workingMinutes), 4, RoundingMode.HALF_UP);
        return new Workload(figures.workloadMinutes, figures.workingMinutes, ratio);
    }

    private static ProjectPart projectPart(long staffId, YearMonth month) {
        List<ScorecardProject> closed = ScorecardProject.list("projectId in (select m.projectId from"
                        + " ScorecardProjectMember m where m.staffId = ?1) and outcome = ?2 and finishedOn >= ?3"
                        + " and finishedOn <= ?4 order by finishedOn, projectId",
                staffId, ScorecardProject.CLOSED, month.atDay(1), month.atEndOfMonth());
        if (closed.isEmpty()) {
            return new ProjectPart(List.of(), null);
        }
        Map<Long, ScorecardProjectMember> credits = ScorecardProjectMember.<ScorecardProjectMember>list(
                        "staffId = ?1 and projectId in ?2", staffId, closed.stream().map(p -> p.projectId).toList())
                .stream().collect(Collectors.toMap(m -> m.projectId, Function.identity()));
        List<ProjectLine> lines = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal shares = BigDecimal.ZERO;
        for (ScorecardProject project : closed) {
            ScorecardProjectMember credit = credits.get(project.projectId);
            lines.add(new ProjectLine(project.projectId, project.code, project.title, project.type, project.groupCode,
                    credit.role, ScorecardProjectMember.LEAD.equals(credit.role), project.evaluationScore,
                    credit.sharePercent, project.finishedOn));
            if (project.evaluationScore != null && credit.sharePercent != null && credit.sharePercent.signum() > 0) {
                weighted = weighted.add(credit.sharePercent.multiply(BigDecimal.valueOf(project.evaluationScore)));
                shares = shares.add(credit.sharePercent);
            }
        }
        BigDecimal score = shares.signum() == 0 ? null : weighted.divide(shares, 2, RoundingMode.HALF_UP);
        return new ProjectPart(lines, score);
    }

    private Overall overall(BigDecimal quotaScore, BigDecimal projectScore) {
        BigDecimal wq = config.weights().quotas();
        BigDecimal wp = config.weights().projects();
        if (quotaScore != null && projectScore != null) {
            BigDecimal sum = wq.add(wp);
            BigDecimal score = wq.multiply(quotaScore).add(wp.multiply(projectScore)).divide(sum, 2, RoundingMode.HALF_UP);
            return new Overall(score, wq, wp, wq.divide(sum, 4, RoundingMode.HALF_UP),
                    wp.divide(sum, 4, RoundingMode.HALF_UP), FORMULA, null);
        }
        if (quotaScore != null) {
            return new Overall(quotaScore.setScale(2, RoundingMode.HALF_UP), wq, wp, BigDecimal.ONE, BigDecimal.ZERO,
                    FORMULA, "No evaluated project closed this month: the quota part carries the whole weight");
        }
        if (projectScore != null) {
            return new Overall(projectScore.setScale(2, RoundingMode.HALF_UP), wq, wp, BigDecimal.ZERO, BigDecimal.ONE,
                    FORMULA, "No item with a target in locked figures for this month: the project part carries"
                    + " the whole weight");
        }
        return new Overall(null, wq, wp, BigDecimal.ZERO, BigDecimal.ZERO, FORMULA,
                "Neither locked item figures nor an evaluated closed project for this month: no score yet");
    }

    private static GroupTotals totals(List<StaffCard> members) {
        int withTarget = members.stream().mapToInt(c -> c.quotas().itemsWithTarget()).sum();
        int met = members.stream().mapToInt(c -> c.quotas().itemsMet()).sum();
        long workload = members.stream().map(c -> c.workload().workloadMinutes()).filter(Objects::nonNull)
                .mapToLong(Long::longValue).sum();
        long working = members.stream().map(c -> c.workload().workingMinutes()).filter(Objects::nonNull)
                .mapToLong(Long::longValue).sum();
        long projects = members.stream().flatMap(c -> c.projects().closed().stream()).map(ProjectLine::projectId)
                .distinct().count();
        List<BigDecimal> scores = members.stream().map(c -> c.overall().score()).filter(Objects::nonNull).toList();
        BigDecimal average = scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
        return new GroupTotals(members.size(), withTarget, met,
                withTarget == 0 ? null : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(withTarget), 4, RoundingMode.HALF_UP),
                workload, working,
                working == 0 ? null : BigDecimal.valueOf(workload).divide(BigDecimal.valueOf(working), 4, RoundingMode.HALF_UP),
                (int) projects, average);
    }

    /** The month's lock in force per group: not reopened, the newest if several (older ones are replaced on arrival). */
    private static Map<String, ScorecardLock> activeLocks(YearMonth month) {
        return ScorecardLock.<ScorecardLock>list("monthStart = ?1 and reopened = false order by lockId", month.atDay(1))
                .stream().collect(Collectors.toMap(l -> l.groupCode, Function.identity(), (older, newer) -> newer));
    }

    /** Groups the person was placed in on any day of the month, from personnel's own placement history. */
    private static Set<String> groupsDuring(long staffId, YearMonth month) {
        LocalDate start = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        return Placement.<Placement>list("staffId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?3)"
                        + " order by validFrom", staffId, end, start)
                .stream().map(p -> p.groupCode).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
