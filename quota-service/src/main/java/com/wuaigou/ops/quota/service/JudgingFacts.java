package com.wuaigou.ops.quota.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.wuaigou.ops.common.jdbc.TransactionSql;
import com.wuaigou.ops.quota.domain.AssignmentSpan;
import com.wuaigou.ops.quota.domain.DayKind;
import com.wuaigou.ops.quota.domain.DayTotal;
import com.wuaigou.ops.quota.domain.ItemSpec;
import com.wuaigou.ops.quota.domain.Period;
import com.wuaigou.ops.quota.domain.QuotaItem;
import com.wuaigou.ops.quota.domain.Shape;
import com.wuaigou.ops.quota.domain.SlotCover;
import com.wuaigou.ops.quota.domain.TargetRange;
import com.wuaigou.ops.quota.domain.Window;
import com.wuaigou.ops.quota.domain.WindowKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything judging reads of some items between two dates, fetched in one statement: the items and their numbers,
 * the group's and the people's day totals, slot covers, the stored judgements, the assignments and the calendar's
 * exceptions. A write judges on every log, and a dozen round trips per write cost more than the judging itself.
 */
record JudgingFacts(List<ItemRow> items, List<TargetRow> targets, List<DayTotal> itemDays, List<AttainmentTotals.PersonDay> personDays,
                    List<SlotCover> covers, List<StateRow> states, List<SpanRow> assignments,
                    List<CalendarRow> calendar) {

    /** A catalog item's columns that the arithmetic uses. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record ItemRow(long id, String code, String groupCode, Shape shape, Period period, String unit, Integer stdMinutes,
                   String slots, LocalDate retiredOn) {
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record TargetRow(long itemId, LocalDate effectiveFrom, BigDecimal targetMin, BigDecimal targetMax) {
    }

    /** The last judgement stored for a subject's item in a window. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record StateRow(long itemId, String subjectType, String subjectId, WindowKind windowKind, LocalDate windowStart,
                    boolean met) {
        Window window() {
            return Window.of(windowKind, windowStart);
        }
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record SpanRow(long itemId, long staffId, LocalDate validFrom, LocalDate validTo, BigDecimal shareMin,
                   BigDecimal shareMax) {
        AssignmentSpan span() {
            return new AssignmentSpan(validFrom, validTo, TargetRange.stored(shareMin, shareMax));
        }
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record CalendarRow(LocalDate day, DayKind kind) {
    }

    /**
     * The call that reads the facts, as one JSON document, taking {@link #parameters}. Planned once per connection,
     * whatever the month holds: see the migration that creates the function.
     */
    static final String CALL = """
            judging_facts(cast(? as bigint[]), cast(? as bigint[]), cast(? as date), cast(? as date),
                cast(? as varchar[]), cast(? as date[]), cast(? as date), cast(? as date))""";

    /** A row arrives as a JSON array of its columns in the record's order: no names to build, send and match. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    private interface AsArray {
    }

    /** The reader of {@link #read}'s answer, built once: the application's JSON settings, shared records as arrays. */
    static ObjectReader reader(ObjectMapper json) {
        return json.copy()
                .addMixIn(DayTotal.class, AsArray.class)
                .addMixIn(AttainmentTotals.PersonDay.class, AsArray.class)
                .addMixIn(SlotCover.class, AsArray.class)
                .readerFor(JudgingFacts.class);
    }

    /**
     * Reads the facts of the items in the windows, for the people given (and the group) or, when null, for everyone:
     * day totals, the judgements stored for these windows and the assignments in force at some time in them. The
     * calendar reaches a week beyond the windows' months, as far as a week or month holding one of their days does.
     */
    static JudgingFacts read(TransactionSql sql, ObjectReader reader, Collection<Long> itemIds,
                             Collection<Long> people, List<Window> windows) {
        return parse(reader, sql.first("select " + CALL, row -> row.getString(1),
                parameters(itemIds, people, windows).toArray()).orElseThrow());
    }

    /** The parameters of {@link #CALL} for the items, the people (everyone when null) and the windows, in order. */
    static List<Object> parameters(Collection<Long> itemIds, Collection<Long> people, List<Window> windows) {
        LocalDate from = windows.stream().map(Window::start).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = windows.stream().map(Window::end).max(Comparator.naturalOrder()).orElseThrow();
        return Arrays.asList(
                SqlArrays.of(itemIds),
                people == null ? null : SqlArrays.of(people),
                from,
                to,
                SqlArrays.of(windows, window -> window.kind().name()),
                SqlArrays.of(windows, Window::start),
                from.with(TemporalAdjusters.firstDayOfMonth()).minusDays(7),
                to.with(TemporalAdjusters.lastDayOfMonth()).plusDays(7));
    }

    /** The facts from {@link #CALL}'s answer. */
    static JudgingFacts parse(ObjectReader reader, String answer) {
        try {
            return reader.readValue(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The judging facts read from the database are not the expected JSON", e);
        }
    }

    /** The items with their numbers' history, by id. */
    List<ItemSpec> specs() {
        Map<Long, List<TargetRow>> byItem = targets.stream().collect(Collectors.groupingBy(TargetRow::itemId));
        return items.stream().map(item -> {
            TreeMap<LocalDate, TargetRange> history = new TreeMap<>();
            byItem.getOrDefault(item.id(), List.of())
                    .forEach(target -> history.put(target.effectiveFrom(), TargetRange.stored(target.targetMin(), target.targetMax())));
            return new ItemSpec(item.id(), item.code(), item.groupCode(), item.shape(), item.period(), item.unit(),
                    item.stdMinutes(), QuotaItem.slotsOf(item.slots()), history, item.retiredOn());
        }).sorted(Comparator.comparing(ItemSpec::id)).toList();
    }

    Map<LocalDate, DayKind> calendarExceptions() {
        return calendar.stream().collect(Collectors.toMap(CalendarRow::day, CalendarRow::kind));
    }
}
