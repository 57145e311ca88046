package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.personnel.domain.GroupRole;
import com.wuaigou.ops.personnel.domain.Placement;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffGroup;
import com.wuaigou.ops.personnel.domain.StaffStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of the roster: filtered pages of people, placements on a date, and the org chart. */
@ApplicationScoped
public class RosterQueries {

    /** Sort keys a client may name, mapped to entity fields. */
    private static final Map<String, String> SORTABLE = Map.of(
            "id", "id", "name", "name", "employeeNumber", "employeeNumber", "hireDate", "hireDate",
            "groupCode", "groupCode", "postCode", "postCode", "status", "status", "groupRole", "groupRole");

    public record StaffFilter(String groupCode, String postCode, StaffStatus status, GroupRole groupRole, String text) {
    }

    public record StaffPage(List<Staff> items, int page, int size, long total) {
    }

    /** The chart of one group on a date: its manager's and members' placements then. */
    public record GroupChart(StaffGroup group, Placement manager, List<Placement> members) {
    }

    public StaffPage list(StaffFilter filter, int page, int size, String sort) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.groupCode() != null) {
            conditions.add("groupCode = :group");
            parameters.put("group", filter.groupCode());
        }
        if (filter.postCode() != null) {
            conditions.add("postCode = :post");
            parameters.put("post", filter.postCode());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.groupRole() != null) {
            conditions.add("groupRole = :role");
            parameters.put("role", filter.groupRole());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(lower(name) like :text escape '\\' or lower(employeeNumber) like :text escape '\\')");
            String literal = filter.text().trim().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            parameters.put("text", "%" + literal + "%");
        }
        String query = String.join(" and ", conditions);
        PanacheQuery<Staff> found = Staff.find(query, parseSort(sort), parameters);
        long total = found.count();
        List<Staff> items = found.page(Page.of(page, size)).list();
        return new StaffPage(items, page, size, total);
    }

    /** Where the person was placed on {@code day}; empty before they were hired or after they left. */
    public Optional<Placement> placementOn(long staffId, LocalDate day) {
        return Placement.history(staffId).stream().filter(p -> p.covers(day)).findFirst();
    }

    public List<GroupChart> orgChart(LocalDate day) {
        Map<String, List<Placement>> byGroup = Placement.inForceOn(day).stream()
                .collect(Collectors.groupingBy(p -> p.groupCode, LinkedHashMap::new, Collectors.toList()));
        return StaffGroup.listByCode().stream().map(group -> {
            List<Placement> placements = byGroup.getOrDefault(group.code, List.of());
            Placement manager = placements.stream().filter(p -> p.groupRole == GroupRole.MANAGER).findFirst()
                    .orElse(null);
            return new GroupChart(group, manager, placements);
        }).toList();
    }

    /** The people the given placements are about, by id. */
    public Map<Long, Staff> staffOf(List<Placement> placements) {
        List<Long> ids = placements.stream().map(p -> p.staffId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Staff.<Staff>list("id in ?1", ids).stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
    }

    /** {@code field,asc|desc}; unknown fields are refused so a typo does not silently sort by something else. */
    static Sort parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("name").and("id");
        }
        String[] parts = sort.split(",");
        String field = SORTABLE.get(parts[0].trim());
        if (field == null) {
            throw ProblemException.badRequest("sort", "can sort by " + String.join(", ",
                    SORTABLE.keySet().stream().sorted().toList()) + ", not " + parts[0].trim());
        }
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ProblemException.badRequest("sort", "direction must be asc or desc");
        }
        Sort.Direction dir = direction.equals("asc") ? Sort.Direction.Ascending : Sort.Direction.Descending;
        return Sort.by(field, dir).and("id");
    }
}
