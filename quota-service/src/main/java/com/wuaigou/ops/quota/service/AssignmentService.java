package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.concurrency.Preconditions;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.roster.RosterStaff;
import com.wuaigou.ops.quota.domain.AllocationStatus;
import com.wuaigou.ops.quota.domain.Assignment;
import com.wuaigou.ops.quota.domain.Duty;
import com.wuaigou.ops.quota.domain.ItemSpec;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.QuotaTarget;
import com.wuaigou.ops.quota.domain.TargetRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Managers give items of their group to members, whole or as shares; ending an assignment keeps it as history. */
@ApplicationScoped
public class AssignmentService {

    private final CatalogService catalog;
    private final WorkingStaff working;
    private final Access access;
    private final AttainmentJudge attainment;

    AssignmentService(CatalogService catalog, WorkingStaff working, Access access, AttainmentJudge attainment) {
        this.catalog = catalog;
        this.working = working;
        this.access = access;
        this.attainment = attainment;
    }

    /** What a new assignment asks for; a null share means the whole item. */
    public record NewAssignment(String itemCode, long staffId, Duty duty, BigDecimal shareMin, BigDecimal shareMax,
                                LocalDate validFrom, LocalDate validTo) {
    }

    /** One item's shares against the group's number on a date. */
    public record AllocationLine(QuotaItem item, TargetRange groupTarget, TargetRange allocated, int assignees,
                                 AllocationStatus status) {
    }

    @Transactional
    public Assignment assign(NewAssignment request) {
        QuotaItem item = catalog.require(request.itemCode());
        access.requireSupervise(item.groupCode);
        RosterStaff staff = working.require(request.staffId(), "staffId");
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.badRequest("validTo", "must not be before validFrom");
        }
        if (item.isRetiredOn(request.validFrom())) {
            throw ProblemException.ruleViolation("item-retired", "Item " + item.code + " is retired from " + item.retiredOn,
                    List.of(new Problem.FieldError("itemCode", "retired")));
        }
        LocalDate until = request.validTo() == null ? request.validFrom() : request.validTo();
        if (!staff.memberBetween(item.groupCode, request.validFrom(), until)) {
            throw ProblemException.ruleViolation("not-a-member", "Staff member " + staff.id + " is not in group "
                    + item.groupCode + " at " + request.validFrom(), List.of(new Problem.FieldError("staffId", "not a member of " + item.groupCode)));
        }
        TargetRange share = share(item, request);
        long overlapping = Assignment.count("staffId = ?1 and itemId = ?2 and validFrom <= ?3 and (validTo is null or validTo >= ?4)",
                staff.id, item.id, request.validTo() == null ? LocalDate.of(9999, 12, 31) : request.validTo(), request.validFrom());
        if (overlapping > 0) {
            throw ProblemException.conflict("overlapping-assignment", "Staff member " + staff.id + " already holds "
                    + item.code + " in that time; end that assignment first");
        }
        Assignment assignment = new Assignment();
        assignment.itemId = item.id;
        assignment.groupCode = item.groupCode;
        assignment.staffId = staff.id;
        assignment.duty = request.duty();
        assignment.shareMin = share == null ? null : share.low();
        assignment.shareMax = share == null ? null : share.high();
        assignment.validFrom = request.validFrom();
        assignment.validTo = request.validTo();
        assignment.assignedBy = access.callerId();
        assignment.assignedAt = OffsetDateTime.now(ZoneOffset.UTC);
        assignment.persist();
        attainment.rejudgeAssignment(item.id, staff.id, assignment.validFrom, assignment.validTo);
        return assignment;
    }

    /** Ends an assignment on {@code validTo} (inclusive); it stays in the history. */
    @Transactional
    public Assignment end(long id, String ifMatch, LocalDate validTo) {
        Assignment assignment = require(id);
        access.requireSupervise(assignment.groupCode);
        Preconditions.requireCurrent(ifMatch, "Assignment " + id, assignment.version);
        if (validTo.isBefore(assignment.validFrom)) {
            throw ProblemException.badRequest("validTo", "must not be before the assignment's validFrom " + assignment.validFrom);
        }
        if (assignment.validTo != null && assignment.validTo.isBefore(validTo)) {
            throw ProblemException.ruleViolation("already-ended", "Assignment " + id + " already ended on " + assignment.validTo);
        }
        LocalDate formerEnd = assignment.validTo;
        assignment.validTo = validTo;
        assignment.endedBy = access.callerId();
        attainment.rejudgeAssignment(assignment.itemId, assignment.staffId, validTo.plusDays(1), formerEnd);
        return assignment;
    }

    public Assignment require(long id) {
        return Assignment.<Assignment>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("assignment", id));
    }

    public Assignment read(long id) {
        Assignment assignment = require(id);
        if (!access.readsEverything() && assignment.staffId != access.callerId() && !access.supervises(assignment.groupCode)) {
            throw ProblemException.forbidden("Staff read only their own assignments, managers their own group's");
        }
        return assignment;
    }

    /** Assignments visible to the caller, filtered; {@code on} keeps those in force on that date. */
    public List<Assignment> list(String groupCode, Long staffId, String itemCode, LocalDate on) {
        Long itemId = itemCode == null ? null : catalog.require(itemCode).id;
        return Assignment.<Assignment>list("order by groupCode, staffId, validFrom").stream()
                .filter(a -> groupCode == null || groupCode.equals(a.groupCode))
                .filter(a -> staffId == null || staffId.equals(a.staffId))
                .filter(a -> itemId == null || itemId.equals(a.itemId))
                .filter(a -> on == null || a.covers(on))
                .filter(a -> access.readsEverything() || a.staffId == access.callerId() || access.supervises(a.groupCode))
                .toList();
    }

    /** Per item of the group, the members' shares in force on {@code on} against the group's number. */
    public List<AllocationLine> allocation(String groupCode, LocalDate on) {
        access.requireReadGroup(groupCode);
        List<Assignment> active = Assignment.list("groupCode = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)",
                groupCode, on);
        List<AllocationLine> lines = new ArrayList<>();
        for (QuotaItem item : catalog.list(groupCode, false, on)) {
            ItemSpec spec = CatalogService.spec(item, QuotaTarget.history(item.id));
            List<Assignment> holders = active.stream().filter(a -> a.itemId.equals(item.id)).toList();
            TargetRange group = item.shape.hasDivisibleTarget() ? spec.requirementOn(on) : null;
            TargetRange allocated = TargetRange.ZERO;
            for (Assignment holder : holders) {
                TargetRange part = holder.isWhole() ? spec.requirementOn(on) : holder.share();
                if (part != null) {
                    allocated = allocated.plus(part);
                }
            }
            lines.add(new AllocationLine(item, group, allocated.rounded(), holders.size(), AllocationStatus.of(group, allocated)));
        }
        return lines;
    }

    private static TargetRange share(QuotaItem item, NewAssignment request) {
        if (request.shareMin() == null) {
            if (request.shareMax() != null) {
                throw ProblemException.badRequest("shareMin", "is required when shareMax is given");
            }
            return null;
        }
        if (!item.shape.hasDivisibleTarget()) {
            throw ProblemException.ruleViolation("no-share", "A " + item.shape + " item has no number to share; assign it whole",
                    List.of(new Problem.FieldError("shareMin", "not allowed for " + item.shape)));
        }
        if (request.shareMin().signum() <= 0) {
            throw ProblemException.badRequest("shareMin", "must be above 0");
        }
        if (request.shareMax() != null && request.shareMax().compareTo(request.shareMin()) < 0) {
            throw ProblemException.badRequest("shareMax", "must not be below shareMin");
        }
        return new TargetRange(request.shareMin(), request.shareMax());
    }
}
