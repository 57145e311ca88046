package com.wuaigou.ops.project.service;

import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.project.config.ProjectConfig;
import com.wuaigou.ops.project.domain.ActionStatus;
import com.wuaigou.ops.project.domain.ExpenseStatus;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.Project;
import com.wuaigou.ops.project.domain.ProjectType;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists projects the caller may read, filtered and paged. */
@ApplicationScoped
public class ProjectSearch {

    private final ProjectAccess access;
    private final ProjectConfig config;
    private final DepartmentClock clock;

    ProjectSearch(ProjectAccess access, ProjectConfig config, DepartmentClock clock) {
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /** Filters of the project list; a null filter does not restrict. */
    public record Filter(Phase phase, ProjectType type, String groupCode, Long member, Boolean overdueActions,
                         Boolean overBudget) {
    }

    public record Result(List<Project> items, int page, int size, long total) {
    }

    public Result search(Filter filter, int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > config.maxPageSize()) {
            throw ProblemException.badRequest("size", "must be between 1 and " + config.maxPageSize());
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!access.readsEverything()) {
            Set<String> groups = access.readableGroups();
            conditions.add("(p.leadId = :me or exists (select 1 from Project q join q.assistants a "
                    + "where q.id = p.id and a.staffId = :me)" + (groups.isEmpty() ? "" : " or p.groupCode in :groups")
                    + ")");
            params.put("me", access.callerId());
            if (!groups.isEmpty()) {
                params.put("groups", groups);
            }
        }
        if (filter.phase() != null) {
            conditions.add("p.phase = :phase");
            params.put("phase", filter.phase());
        }
        if (filter.type() != null) {
            conditions.add("p.type = :type");
            params.put("type", filter.type());
        }
        if (filter.groupCode() != null) {
            conditions.add("p.groupCode = :group");
            params.put("group", filter.groupCode());
        }
        if (filter.member() != null) {
            conditions.add("(p.leadId = :member or exists (select 1 from Project m join m.assistants ma "
                    + "where m.id = p.id and ma.staffId = :member))");
            params.put("member", filter.member());
        }
        if (filter.overdueActions() != null) {
            conditions.add((filter.overdueActions() ? "" : "not ") + "exists (select 1 from ProjectAction x "
                    + "where x.projectId = p.id and x.status = :open and x.dueDate < :today)");
            params.put("open", ActionStatus.OPEN);
            params.put("today", clock.today());
        }
        if (filter.overBudget() != null) {
            conditions.add((filter.overBudget() ? "" : "not ") + "exists (select 1 from BudgetLine l "
                    + "where l.projectId = p.id and l.planned < (select coalesce(sum(e.amount), 0) from Expense e "
                    + "where e.lineId = l.id and e.status in :counted))");
            params.put("counted", List.of(ExpenseStatus.ACCEPTED, ExpenseStatus.APPROVED));
        }
        String query = "from Project p" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        PanacheQuery<Project> found = Project.find(query, Sort.by("p.id"), params);
        long total = found.count();
        List<Project> items = found.page(Page.of(page, size)).list();
        return new Result(items, page, size, total);
    }
}
