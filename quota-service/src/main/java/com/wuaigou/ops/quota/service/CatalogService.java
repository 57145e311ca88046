package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.common.concurrency.Preconditions;
import com.wuaigou.ops.common.csv.CsvTable;
import com.wuaigou.ops.common.jdbc.RowCopies;
import com.wuaigou.ops.common.jdbc.TransactionSql;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.quota.domain.CatalogCsv;
import com.wuaigou.ops.quota.domain.ItemDefinition;
import com.wuaigou.ops.quota.domain.ItemSpec;
import com.wuaigou.ops.quota.domain.Period;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.QuotaTarget;
import com.wuaigou.ops.quota.domain.Shape;
import com.wuaigou.ops.quota.domain.TargetRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The workload catalog: items, their dated numbers, retirement and CSV import. */
@ApplicationScoped
public class CatalogService {

    private final CalendarService calendar;
    private final Access access;
    private final Event<TargetsMoved> targetsMoved;
    private final TransactionSql sql;
    /** This instance's copies of items, by code: see {@link #remembered}. */
    private final RowCopies<String, QuotaItem> remembered = new RowCopies<>(this::readOnly);

    CatalogService(CalendarService calendar, Access access, Event<TargetsMoved> targetsMoved, TransactionSql sql) {
        this.calendar = calendar;
        this.access = access;
        this.targetsMoved = targetsMoved;
        this.sql = sql;
    }

    /** What an import did. */
    public record ImportResult(int created, int updated, int unchanged, int targetsChanged) {
    }

    public QuotaItem require(String code) {
        return QuotaItem.findByCode(code).orElseThrow(() -> ProblemException.notFound("quota item", code));
    }

    /**
     * The item with that code as a copy read with plain JDBC, outside the persistence context, to be read and never
     * changed: every work log reads its item, and Hibernate's query for it cost several times the statement.
     */
    public Optional<QuotaItem> readOnly(String code) {
        return sql.first("""
                select id, code, group_code, category, name_zh, name_en, shape, unit, period, std_minutes, crew_min,
                       crew_max, slots, notes, retired_on, version
                from quota_item where code = ?""", CatalogService::itemOf, code);
    }

    /**
     * The item as this instance last read it, read now when it holds no copy ({@link RowCopies}): the work log relying
     * on it checks in its own statement that the catalog still holds it at the copy's version ({@link #COPY_CURRENT}),
     * as another instance may have changed it.
     */
    public Optional<QuotaItem> remembered(String code) {
        return remembered.get(code);
    }

    /** Drops this instance's copy of the item; the next {@link #remembered} reads it again. */
    public void forget(String code) {
        remembered.forget(code);
    }

    /**
     * A boolean SQL expression: whether the catalog holds an item at the version of a copy. Takes two parameters: the
     * item's id, then the copy's version.
     */
    static final String COPY_CURRENT = "coalesce((select version from quota_item where id = cast(? as bigint)) = cast(? as bigint), false)";

    private static QuotaItem itemOf(ResultSet row) throws SQLException {
        QuotaItem item = new QuotaItem();
        item.id = row.getLong(1);
        item.code = row.getString(2);
        item.groupCode = row.getString(3);
        item.category = row.getString(4);
        item.nameZh = row.getString(5);
        item.nameEn = row.getString(6);
        item.shape = Shape.valueOf(row.getString(7));
        item.unit = row.getString(8);
        String period = row.getString(9);
        item.period = period == null ? null : Period.valueOf(period);
        item.stdMinutes = row.getObject(10, Integer.class);
        item.crewMin = row.getObject(11, Integer.class);
        item.crewMax = row.getObject(12, Integer.class);
        item.slots = row.getString(13);
        item.notes = row.getString(14);
        item.retiredOn = row.getObject(15, LocalDate.class);
        item.version = row.getLong(16);
        return item;
    }

    public List<QuotaItem> list(String groupCode, boolean includeRetired, LocalDate on) {
        return QuotaItem.<QuotaItem>list("order by groupCode, id").stream()
                .filter(i -> groupCode == null || groupCode.equals(i.groupCode))
                .filter(i -> includeRetired || !i.isRetiredOn(on))
                .toList();
    }

    public TargetRange targetOn(QuotaItem item, LocalDate date) {
        return spec(item, QuotaTarget.history(item.id)).targetOn(date);
    }

    /** A new item; it has no past numbers to keep, so its first number may start on any date. */
    @Transactional
    public QuotaItem add(ItemDefinition definition, LocalDate effectiveFrom) {
        if (definition.groupCode() != null) {
            access.requireSupervise(definition.groupCode());
        }
        rejectIfBroken(definition.apiProblems());
        return create(definition, effectiveFrom, access.callerId());
    }

    private QuotaItem create(ItemDefinition definition, LocalDate effectiveFrom, long by) {
        rejectIfBroken(definition.problems());
        if (QuotaItem.findByCode(definition.code()).isPresent()) {
            throw ProblemException.conflict("duplicate-code", "An item with code " + definition.code() + " exists");
        }
        QuotaItem item = new QuotaItem();
        item.code = definition.code();
        describe(item, definition);
        item.shape = definition.shape();
        item.period = definition.period();
        item.stdMinutes = definition.stdMinutes();
        item.crewMin = definition.crewMin();
        item.crewMax = definition.crewMax();
        item.slots = definition.slots();
        item.persist();
        addTarget(item, effectiveFrom, definition.target(), by);
        return item;
    }

    @Transactional
    public QuotaItem describe(String code, String ifMatch, String category, String nameZh, String nameEn,
                              String unit, String notes) {
        QuotaItem item = require(code);
        access.requireSupervise(item.groupCode);
        requireCurrent(item, ifMatch);
        item.category = category;
        item.nameZh = nameZh;
        item.nameEn = nameEn;
        item.unit = unit;
        item.notes = notes;
        return item;
    }

    /** A new number from {@code effectiveFrom} on; past periods keep theirs, so the date may not lie in the past. */
    @Transactional
    public QuotaItem changeTarget(String code, String ifMatch, LocalDate effectiveFrom, BigDecimal min, BigDecimal max) {
        QuotaItem item = require(code);
        access.requireSupervise(item.groupCode);
        requireCurrent(item, ifMatch);
        requireNotPast(effectiveFrom, "effectiveFrom");
        List<Problem.FieldError> problems = ItemDefinition.targetProblems(item.shape, min, max).stream()
                .map(e -> new Problem.FieldError(e.field().equals("target_min") ? "targetMin" : "targetMax", e.message()))
                .toList();
        rejectIfBroken(problems);
        retarget(item, effectiveFrom, min == null ? null : new TargetRange(min, max), access.callerId());
        targetsMoved.fire(new TargetsMoved(List.of(item.id), effectiveFrom));
        return item;
    }

    /** Retired items keep their history and logs; from {@code retiredOn} they ask nothing and take no new work. */
    @Transactional
    public QuotaItem retire(String code, String ifMatch, LocalDate retiredOn) {
        QuotaItem item = require(code);
        access.requireSupervise(item.groupCode);
        requireCurrent(item, ifMatch);
        requireNotPast(retiredOn, "retiredOn");
        if (item.retiredOn != null) {
            throw ProblemException.conflict("already-retired", "Item " + code + " is retired from " + item.retiredOn);
        }
        item.retiredOn = retiredOn;
        targetsMoved.fire(new TargetsMoved(List.of(item.id), retiredOn));
        return item;
    }

    /**
     * Imports a catalog CSV, all or nothing: every row is checked first and any bad row refuses the whole file with
     * each problem named by row and column. New codes are created; existing items get the descriptions of their row
     * and, when the number differs, a new number from {@code effectiveFrom}.
     */
    @Transactional
    public ImportResult importCsv(String csv, LocalDate effectiveFrom) {
        access.requireDepartmentWide();
        requireNotPast(effectiveFrom, "effectiveFrom");
        return load(CatalogCsv.parse(csv), effectiveFrom, access.callerId(), true);
    }

    /**
     * Loads the rows whose codes are missing; present items are left as they are, so a restart changes nothing. Every
     * start seeds, and a restart finds every code present: that is told from the codes alone, without loading the
     * items as entities, which took a tenth of a start.
     */
    @Transactional
    public ImportResult seed(String csv, LocalDate effectiveFrom) {
        CatalogCsv.Parsed parsed = CatalogCsv.parse(csv);
        Set<String> present = new HashSet<>(sql.list("select code from quota_item", row -> row.getString(1)));
        if (parsed.errors().isEmpty() && parsed.rows().stream().allMatch(row -> present.contains(row.item().code()))) {
            return new ImportResult(0, 0, parsed.rows().size(), 0);
        }
        return load(parsed, effectiveFrom, 0L, false);
    }

    private ImportResult load(CatalogCsv.Parsed parsed, LocalDate effectiveFrom, long by, boolean updateExisting) {
        Map<String, QuotaItem> existing = QuotaItem.<QuotaItem>listAll().stream()
                .collect(Collectors.toMap(i -> i.code, i -> i));
        List<Problem.FieldError> errors = new ArrayList<>(parsed.errors());
        for (CatalogCsv.Row line : parsed.rows()) {
            ItemDefinition row = line.item();
            QuotaItem item = existing.get(row.code());
            if (item != null && updateExisting && (item.shape != row.shape() || item.period != row.period()
                    || !item.groupCode.equals(row.groupCode()))) {
                errors.add(new Problem.FieldError(CsvTable.cell(line.number(), "shape"),
                        "group, shape and period of existing item " + row.code() + " cannot change; retire it and add a new one"));
            }
        }
        rejectIfBroken(errors);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int targetsChanged = 0;
        for (ItemDefinition row : parsed.rows().stream().map(CatalogCsv.Row::item).toList()) {
            QuotaItem item = existing.get(row.code());
            if (item == null) {
                create(row, effectiveFrom, by);
                created++;
                continue;
            }
            if (!updateExisting) {
                unchanged++;
                continue;
            }
            boolean described = !Objects.equals(item.category, row.category()) || !Objects.equals(item.nameZh, row.nameZh())
                    || !Objects.equals(item.nameEn, row.nameEn()) || !Objects.equals(item.unit, row.unit())
                    || !Objects.equals(item.notes, row.notes());
            describe(item, row);
            boolean retargeted = !sameTarget(targetOn(item, effectiveFrom), row.target());
            if (retargeted) {
                retarget(item, effectiveFrom, row.target(), by);
                targetsMoved.fire(new TargetsMoved(List.of(item.id), effectiveFrom));
                targetsChanged++;
            }
            if (described || retargeted) {
                updated++;
            } else {
                unchanged++;
            }
        }
        return new ImportResult(created, updated, unchanged, targetsChanged);
    }

    /** The arithmetic's view of items, with their dated numbers, keyed by id. */
    public Map<Long, ItemSpec> specs() {
        Map<Long, List<QuotaTarget>> targets = QuotaTarget.<QuotaTarget>listAll().stream()
                .collect(Collectors.groupingBy(t -> t.itemId));
        Map<Long, ItemSpec> specs = new HashMap<>();
        for (QuotaItem item : QuotaItem.<QuotaItem>listAll()) {
            specs.put(item.id, spec(item, targets.getOrDefault(item.id, List.of())));
        }
        return specs;
    }

    public static ItemSpec spec(QuotaItem item, List<QuotaTarget> targets) {
        TreeMap<LocalDate, TargetRange> history = new TreeMap<>();
        for (QuotaTarget target : targets) {
            history.put(target.effectiveFrom, target.range());
        }
        return new ItemSpec(item.id, item.code, item.groupCode, item.shape, item.period, item.unit, item.stdMinutes,
                item.slotList(), history, item.retiredOn);
    }

    /**
     * A new number for an existing item. The number's history is part of the item, so its version moves too, at once
     * and checked against the version read: a concurrent change of the item waits for this one and then fails with
     * 412, never on the number's row.
     */
    private void retarget(QuotaItem item, LocalDate effectiveFrom, TargetRange target, long by) {
        QuotaItem.getEntityManager().lock(item, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        addTarget(item, effectiveFrom, target, by);
    }

    private void addTarget(QuotaItem item, LocalDate effectiveFrom, TargetRange target, long by) {
        QuotaTarget row = QuotaTarget.<QuotaTarget>find("itemId = ?1 and effectiveFrom = ?2", item.id, effectiveFrom)
                .firstResultOptional().orElseGet(QuotaTarget::new);
        row.itemId = item.id;
        row.effectiveFrom = effectiveFrom;
        row.targetMin = target == null ? null : target.low();
        row.targetMax = target == null ? null : target.high();
        row.recordedBy = by;
        row.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();
    }

    private static void describe(QuotaItem item, ItemDefinition definition) {
        item.groupCode = definition.groupCode();
        item.category = definition.category();
        item.nameZh = definition.nameZh();
        item.nameEn = definition.nameEn();
        item.unit = definition.unit();
        item.notes = definition.notes();
    }

    private static boolean sameTarget(TargetRange a, TargetRange b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.low().compareTo(b.low()) == 0 && a.high().compareTo(b.high()) == 0;
    }

    private void requireNotPast(LocalDate date, String field) {
        if (date.isBefore(calendar.today())) {
            throw ProblemException.ruleViolation("past-period", field + " " + date
                    + " lies in the past; past periods keep the numbers they had",
                    List.of(new Problem.FieldError(field, "must be today or later")));
        }
    }

    private static void requireCurrent(QuotaItem item, String ifMatch) {
        Preconditions.requireCurrent(ifMatch, "Item " + item.code, item.version);
    }

    private static void rejectIfBroken(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation("invalid-item", errors.size() + " problem(s) in the item definition", errors);
        }
    }
}
