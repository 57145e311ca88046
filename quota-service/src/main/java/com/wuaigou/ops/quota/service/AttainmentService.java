package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.quota.domain.Assignment;
import com.wuaigou.ops.quota.domain.AssignmentSpan;
import com.wuaigou.ops.quota.domain.AttainmentCalculator;
import com.wuaigou.ops.quota.domain.DayWorkload;
import com.wuaigou.ops.quota.domain.Duty;
import com.wuaigou.ops.quota.domain.ItemAttainment;
import com.wuaigou.ops.quota.domain.ItemSpec;
import com.wuaigou.ops.quota.domain.LogFact;
import com.wuaigou.ops.quota.domain.RosterGroup;
import com.wuaigou.ops.quota.domain.RosterStaff;
import com.wuaigou.ops.quota.domain.Window;
import com.wuaigou.ops.quota.domain.WindowKind;
import com.wuaigou.ops.quota.domain.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Attainment of persons, groups and the department for a window, from the roster copy, catalog, assignments and logs. */
@ApplicationScoped
public class AttainmentService {

    private final CatalogService catalog;
    private final CalendarService calendars;
    private final RosterService roster;
    private final LogFacts logFacts;

    AttainmentService(CatalogService catalog, CalendarService calendars, RosterService roster, LogFacts logFacts) {
        this.catalog = catalog;
        this.calendars = calendars;
        this.roster = roster;
        this.logFacts = logFacts;
    }

    public record PersonReport(RosterStaff staff, Window window, int workingDays, List<ItemAttainment> items,
                               List<DayWorkload> workload) {

        public long workloadMinutes() {
            return workload.stream().mapToLong(DayWorkload::minutes).sum();
        }

        public long workingMinutes() {
            return (long) workingDays * AttainmentCalculator.WORKING_DAY_MINUTES;
        }
    }

    /** A member's period summary: their items with the duty each is held under. */
    public record MemberSummary(PersonReport report, Map<Long, Duty> dutyByItem) {
    }

    public record MemberWorkload(long staffId, String name, List<DayWorkload> days) {
    }

    public record GroupReport(String groupCode, Window window, int workingDays, List<ItemAttainment> items,
                              List<MemberWorkload> members) {
    }

    public RosterStaff requireStaff(long staffId) {
        return roster.find(staffId).orElseThrow(() -> ProblemException.notFound("staff member", staffId));
    }

    public PersonReport person(RosterStaff staff, WindowKind kind, LocalDate date) {
        Window window = Window.of(kind, date);
        WorkingCalendar calendar = calendars.calendar();
        Map<Long, ItemSpec> specs = catalog.specs();
        List<LogFact> logs = logFacts.crediting(staff.id, window);
        return person(staff, window, calendar, specs, logs, assignmentsOf(List.of(staff.id), window));
    }

    public GroupReport group(String groupCode, WindowKind kind, LocalDate date) {
        Window window = Window.of(kind, date);
        WorkingCalendar calendar = calendars.calendar();
        Map<Long, ItemSpec> specs = catalog.specs();
        List<ItemSpec> items = groupItems(specs, groupCode, window);
        List<LogFact> itemLogs = logFacts.ofItems(items.stream().map(ItemSpec::id).toList(), window);
        List<RosterStaff> members = roster.membersDuring(groupCode, window);
        Map<Long, List<LogFact>> memberLogs = new HashMap<>();
        for (RosterStaff member : members) {
            memberLogs.put(member.id, logFacts.crediting(member.id, window));
        }
        return group(groupCode, window, calendar, specs, items, itemLogs, members, memberLogs);
    }

    /** Every group's report, from one read of the window's logs. */
    public List<GroupReport> department(WindowKind kind, LocalDate date) {
        Window window = Window.of(kind, date);
        WorkingCalendar calendar = calendars.calendar();
        Map<Long, ItemSpec> specs = catalog.specs();
        List<LogFact> logs = logFacts.all(window);
        Map<Long, List<LogFact>> byItem = logs.stream().collect(Collectors.groupingBy(LogFact::itemId));
        Map<Long, List<LogFact>> byPerson = new HashMap<>();
        for (LogFact log : logs) {
            log.crew().forEach(id -> byPerson.computeIfAbsent(id, k -> new ArrayList<>()).add(log));
        }
        Set<String> groups = new TreeSet<>();
        specs.values().forEach(s -> groups.add(s.groupCode()));
        RosterGroup.<RosterGroup>listAll().forEach(g -> groups.add(g.code));
        List<GroupReport> reports = new ArrayList<>();
        for (String groupCode : groups) {
            List<ItemSpec> items = groupItems(specs, groupCode, window);
            List<LogFact> itemLogs = items.stream().flatMap(i -> byItem.getOrDefault(i.id(), List.of()).stream()).toList();
            List<RosterStaff> members = roster.membersDuring(groupCode, window);
            reports.add(group(groupCode, window, calendar, specs, items, itemLogs, members, byPerson));
        }
        return reports;
    }

    /** A person's figures for one item, as the completion events judge them. */
    public ItemAttainment personItem(long staffId, ItemSpec item, Window window, WorkingCalendar calendar) {
        List<AssignmentSpan> spans = Assignment.<Assignment>list("staffId = ?1 and itemId = ?2", staffId, item.id())
                .stream().map(Assignment::span).toList();
        return new AttainmentCalculator(calendar).forPerson(staffId, item, spans,
                logFacts.crediting(staffId, item.id(), window), window);
    }

    /** A group's figures for one item, as the completion events judge them. */
    public ItemAttainment groupItem(ItemSpec item, Window window, WorkingCalendar calendar) {
        return new AttainmentCalculator(calendar).forGroup(item, logFacts.ofItems(List.of(item.id()), window), window);
    }

    /** Each member's items for a window, as the period summary reports them. */
    public List<MemberSummary> members(String groupCode, Window window) {
        WorkingCalendar calendar = calendars.calendar();
        Map<Long, ItemSpec> specs = catalog.specs();
        List<RosterStaff> members = roster.membersDuring(groupCode, window);
        Map<Long, List<Assignment>> assignments = assignmentsOf(members.stream().map(m -> m.id).toList(), window);
        return members.stream()
                .map(m -> new MemberSummary(
                        person(m, window, calendar, specs, logFacts.crediting(m.id, window), assignments),
                        latestDutyByItem(assignments.getOrDefault(m.id, List.of()))))
                .toList();
    }

    /** When several assignments of an item touch the window, the latest one's duty is the one reported. */
    private static Map<Long, Duty> latestDutyByItem(List<Assignment> assignments) {
        Map<Long, Duty> duties = new HashMap<>();
        assignments.stream()
                .sorted(Comparator.comparing((Assignment a) -> a.validFrom).thenComparing(a -> a.id))
                .forEach(a -> duties.put(a.itemId, a.duty));
        return duties;
    }

    private PersonReport person(RosterStaff staff, Window window, WorkingCalendar calendar, Map<Long, ItemSpec> specs,
                                List<LogFact> logs, Map<Long, List<Assignment>> assignmentsByStaff) {
        AttainmentCalculator calculator = new AttainmentCalculator(calendar);
        Map<Long, List<AssignmentSpan>> spansByItem = assignmentsByStaff.getOrDefault(staff.id, List.of()).stream()
                .collect(Collectors.groupingBy(a -> a.itemId, Collectors.mapping(Assignment::span, Collectors.toList())));
        Map<Long, List<LogFact>> logsByItem = logs.stream().collect(Collectors.groupingBy(LogFact::itemId));
        Set<Long> itemIds = new TreeSet<>(spansByItem.keySet());
        itemIds.addAll(logsByItem.keySet());
        List<ItemAttainment> items = itemIds.stream().map(specs::get)
                .map(item -> calculator.forPerson(staff.id, item, spansByItem.getOrDefault(item.id(), List.of()),
                        logsByItem.getOrDefault(item.id(), List.of()), window))
                .sorted(Comparator.comparing(a -> a.item().code()))
                .toList();
        return new PersonReport(staff, window, calendar.workingDays(window), items,
                calculator.workload(staff.id, specs, logs, window));
    }

    private GroupReport group(String groupCode, Window window, WorkingCalendar calendar, Map<Long, ItemSpec> specs,
                              List<ItemSpec> items, List<LogFact> itemLogs, List<RosterStaff> members,
                              Map<Long, List<LogFact>> logsByPerson) {
        AttainmentCalculator calculator = new AttainmentCalculator(calendar);
        Map<Long, List<LogFact>> logsByItem = itemLogs.stream().collect(Collectors.groupingBy(LogFact::itemId));
        List<ItemAttainment> figures = items.stream()
                .map(item -> calculator.forGroup(item, logsByItem.getOrDefault(item.id(), List.of()), window))
                .toList();
        List<MemberWorkload> workloads = members.stream()
                .map(m -> new MemberWorkload(m.id, m.name,
                        calculator.workload(m.id, specs, logsByPerson.getOrDefault(m.id, List.of()), window)))
                .toList();
        return new GroupReport(groupCode, window, calendar.workingDays(window), figures, workloads);
    }

    private static List<ItemSpec> groupItems(Map<Long, ItemSpec> specs, String groupCode, Window window) {
        return specs.values().stream()
                .filter(s -> s.groupCode().equals(groupCode))
                .filter(s -> s.retiredOn() == null || s.retiredOn().isAfter(window.start()))
                .sorted(Comparator.comparing(ItemSpec::code))
                .toList();
    }

    private static Map<Long, List<Assignment>> assignmentsOf(List<Long> staffIds, Window window) {
        if (staffIds.isEmpty()) {
            return Map.of();
        }
        List<Assignment> assignments = Assignment.list(
                "staffId in ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?3)", staffIds, window.end(), window.start());
        return assignments.stream().collect(Collectors.groupingBy(a -> a.staffId));
    }
}
