package com.wuaigou.ops.quota.domain;

import com.wuaigou.ops.common.csv.CsvTable;
import com.wuaigou.ops.common.problem.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Reads the catalog CSV (header row, then one item a row) and reports every bad value by row and column. */
public final class CatalogCsv {

    private CatalogCsv() {
    }

    /** An item and the number of the row that describes it (row 1 is the first after the header). */
    public record Row(int number, ItemDefinition item) {
    }

    /** The parsed rows, or the problems, each naming its cell as {@link CsvTable} does: {@code row 3, column slots}. */
    public record Parsed(List<Row> rows, List<Problem.FieldError> errors) {
    }

    /**
     * Reads the rows and checks each against the rules of its shape and against the others (codes are unique).
     *
     * @throws com.wuaigou.ops.common.problem.ProblemException 400 malformed-csv when the text is not a CSV table with
     *                                                         the catalog's columns
     */
    public static Parsed parse(String text) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (CsvTable.Row row : CsvTable.read(text, ItemDefinition.CSV_COLUMNS)) {
            List<Problem.FieldError> rowErrors = new ArrayList<>();
            ItemDefinition item = new ItemDefinition(row.get("group"), row.get("code"), row.get("category"),
                    row.get("name_zh"), row.get("name_en"),
                    parse(row, "shape", s -> Shape.valueOf(s.toUpperCase(Locale.ROOT)), rowErrors),
                    parse(row, "target_min", BigDecimal::new, rowErrors),
                    parse(row, "target_max", BigDecimal::new, rowErrors),
                    row.get("unit"),
                    parse(row, "period", s -> Period.valueOf(s.toUpperCase(Locale.ROOT)), rowErrors),
                    parse(row, "std_minutes", Integer::valueOf, rowErrors),
                    parse(row, "crew_min", Integer::valueOf, rowErrors),
                    parse(row, "crew_max", Integer::valueOf, rowErrors),
                    row.get("slots"), row.get("notes"));
            if (rowErrors.isEmpty()) {
                rowErrors.addAll(item.problems());
            }
            if (item.code() != null && !codes.add(item.code())) {
                rowErrors.add(new Problem.FieldError("code", "appears twice in the file"));
            }
            rowErrors.forEach(e -> errors.add(row.error(e.field(), e.message())));
            rows.add(new Row(row.number(), item));
        }
        return new Parsed(errors.isEmpty() ? rows : List.of(), errors);
    }

    private static <T> T parse(CsvTable.Row row, String column, Function<String, T> parser,
                               List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(column, "'" + value + "' is not a valid " + column));
            return null;
        }
    }
}
