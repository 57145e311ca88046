package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.roster.RosterGroup;
import com.wuaigou.ops.common.roster.RosterService;
import com.wuaigou.ops.common.roster.RosterStaff;
import com.wuaigou.ops.quota.domain.Assignment;
import com.wuaigou.ops.quota.domain.AssignmentSpan;
import com.wuaigou.ops.quota.domain.AttainmentCalculator;
import com.wuaigou.ops.quota.domain.DayTotal;
import com.wuaigou.ops.quota.domain.DayWorkload;
import com.wuaigou.ops.quota.domain.Duty;
import com.wuaigou.ops.quota.domain.ItemAttainment;
import com.wuaigou.ops.quota.domain.ItemSpec;
import com.wuaigou.ops.quota.domain.SlotCover;
import com.wuaigou.ops.quota.domain.Tally;
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

/**
 * Attainment of persons, groups and the department for a window, from the roster copy, catalog, assignments and the
 * running totals of work (never the logs themselves).
 */
@ApplicationScoped
public class AttainmentService {

    private final CatalogService catalog;
    private final CalendarService calendars;
    private final RosterService roster;
    private final AttainmentTotals totals;

    AttainmentService(CatalogService catalog, CalendarService calendars, RosterService roster, AttainmentTotals totals) {
        this.catalog = catalog;
        this.calendars = calendars;
        this.roster = roster;
        this.totals = totals;
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
        return roster.staff(staffId).orElseThrow(() -> ProblemException.notFound("staff member", staffId));
    }

    public PersonReport person(RosterStaff staff, WindowKind kind, LocalDate date) {
        Window window = Window.of(kind, date);
        List<Long> ids = List.of(staff.id);
        return person(staff, window, calendars.calendar(), catalog.specs(), work(ids, window), assignmentsOf(ids, window));
    }

    public GroupReport group(String groupCode, WindowKind kind, LocalDate date) {
        Window window = Window.of(kind, date);
        Map<Long, ItemSpec> specs = catalog.specs();
        List<ItemSpec> items = groupItems(specs, groupCode, window);
        List<Long> itemIds = items.stream().map(ItemSpec::id).toList();
        List<RosterStaff> members = roster.membersDuring(groupCode, window.start(), window.end());
        ItemWork itemWork = new ItemWork(totals.itemDays(itemIds, window.start(), window.end()),
                totals.covers(itemIds, null, window.start(), window.end()));
        PeopleWork memberWork = work(members.stream().map(m -> m.id).toList(), window);
        return group(groupCode, window, calendars.calendar(), items, itemWork, members, memberWork);
    }

    /** Every group's report, from one read of each kind of total for the window. */
    public List<GroupReport> department(WindowKind kind, LocalDate date) {
        Window window = Window.of(kind, date);
        WorkingCalendar calendar = calendars.calendar();
        Map<Long, ItemSpec> specs = catalog.specs();
        ItemWork itemWork = new ItemWork(totals.itemDays(null, window.start(), window.end()),
                totals.covers(null, null, window.start(), window.end()));
        PeopleWork everyone = work(null, window);
        Set<String> groups = new TreeSet<>();
        specs.values().forEach(s -> groups.add(s.groupCode()));
        RosterGroup.<RosterGroup>listAll().forEach(g -> groups.add(g.code));
        List<GroupReport> reports = new ArrayList<>();
        for (String groupCode : groups) {
            reports.add(group(groupCode, window, calendar, groupItems(specs, groupCode, window), itemWork,
                    roster.membersDuring(groupCode, window.start(), window.end()), everyone));
        }
        return reports;
    }

    /** Each member's items for a window, as the period summary reports them. */
    public List<MemberSummary> members(String groupCode, Window window) {
        WorkingCalendar calendar = calendars.calendar();
        Map<Long, ItemSpec> specs = catalog.specs();
        List<RosterStaff> members = roster.membersDuring(groupCode, window.start(), window.end());
        List<Long> ids = members.stream().map(m -> m.id).toList();
        Map<Long, List<Assignment>> assignments = assignmentsOf(ids, window);
        PeopleWork work = work(ids, window);
        return members.stream()
                .map(m -> new MemberSummary(person(m, window, calendar, specs, work, assignments),
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
                                PeopleWork work, Map<Long, List<Assignment>> assignmentsByStaff) {
        AttainmentCalculator calculator = new AttainmentCalculator(calendar);
        Map<Long, List<AssignmentSpan>> spansByItem = assignmentsByStaff.getOrDefault(staff.id, List.of()).stream()
                .collect(Collectors.groupingBy(a -> a.itemId, Collectors.mapping(Assignment::span, Collectors.toList())));
        List<DayTotal> days = work.days().getOrDefault(staff.id, List.of());
        Map<Long, List<DayTotal>> daysByItem = days.stream().collect(Collectors.groupingBy(DayTotal::itemId));
        Map<Long, List<SlotCover>> coversByItem = work.covers().getOrDefault(staff.id, List.of()).stream()
                .collect(Collectors.groupingBy(SlotCover::itemId));
        Set<Long> itemIds = new TreeSet<>(spansByItem.keySet());
        itemIds.addAll(daysByItem.keySet());
        List<ItemAttainment> items = itemIds.stream().map(specs::get)
                .map(item -> calculator.forPerson(item, spansByItem.getOrDefault(item.id(), List.of()),
                        new Tally(daysByItem.getOrDefault(item.id(), List.of()), coversByItem.getOrDefault(item.id(), List.of())),
                        window))
                .sorted(Comparator.comparing(a -> a.item().code()))
                .toList();
        return new PersonReport(staff, window, calendar.workingDays(window), items, calculator.workload(days, window));
    }

    private GroupReport group(String groupCode, Window window, WorkingCalendar calendar, List<ItemSpec> items,
                              ItemWork itemWork, List<RosterStaff> members, PeopleWork memberWork) {
        AttainmentCalculator calculator = new AttainmentCalculator(calendar);
        List<ItemAttainment> figures = items.stream()
                .map(item -> calculator.forGroup(item, itemWork.tally(item.id()), window))
                .toList();
        List<MemberWorkload> workloads = members.stream()
                .map(m -> new MemberWorkload(m.id, m.name,
                        calculator.workload(memberWork.days().getOrDefault(m.id, List.of()), window)))
                .toList();
        return new GroupReport(groupCode, window, calendar.workingDays(window), figures, workloads);
    }

    /** The people's (everyone's when null) day totals and slot covers in the window, by person. */
    private PeopleWork work(List<Long> staffIds, Window window) {
        if (staffIds != null && staffIds.isEmpty()) {
            return new PeopleWork(Map.of(), Map.of());
        }
        Map<Long, List<DayTotal>> days = totals.personDays(staffIds, null, window.start(), window.end()).stream()
                .collect(Collectors.groupingBy(AttainmentTotals.PersonDay::staffId,
                        Collectors.mapping(AttainmentTotals.PersonDay::total, Collectors.toList())));
        Map<Long, List<SlotCover>> covers = totals.covers(null, staffIds, window.start(), window.end()).stream()
                .collect(Collectors.groupingBy(SlotCover::staffId));
        return new PeopleWork(days, covers);
    }

    /** People's work in a window: day totals and slot covers by person. */
    private record PeopleWork(Map<Long, List<DayTotal>> days, Map<Long, List<SlotCover>> covers) {
    }

    /** Items' work in a window: day totals and everyone's slot covers. */
    private record ItemWork(List<DayTotal> days, List<SlotCover> covers) {
        Tally tally(long itemId) {
            return new Tally(days.stream().filter(d -> d.itemId() == itemId).toList(),
                    covers.stream().filter(c -> c.itemId() == itemId).toList());
        }
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
