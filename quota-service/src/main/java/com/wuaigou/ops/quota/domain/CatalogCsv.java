package com.wuaigou.ops.quota.domain;

import com.wuaigou.ops.common.problem.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Reads the catalog CSV (header row, then one item a row) and reports every bad cell by row and column. */
public final class CatalogCsv {

    private CatalogCsv() {
    }

    /** The parsed rows, or the problems: field names read {@code row <n>.<column>}, counting the header as row 1. */
    public record Parsed(List<ItemDefinition> rows, List<Problem.FieldError> errors) {
    }

    public static Parsed parse(String text) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ItemDefinition> rows = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        if (lines.length == 0 || !splitLine(stripBom(lines[0])).equals(ItemDefinition.CSV_COLUMNS)) {
            errors.add(new Problem.FieldError("row 1", "the header must be " + String.join(",", ItemDefinition.CSV_COLUMNS)));
            return new Parsed(rows, errors);
        }
        Set<String> codes = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String prefix = "row " + (i + 1) + ".";
            List<String> cells = splitLine(lines[i]);
            if (cells.size() != ItemDefinition.CSV_COLUMNS.size()) {
                errors.add(new Problem.FieldError("row " + (i + 1), "has " + cells.size() + " columns, expected "
                        + ItemDefinition.CSV_COLUMNS.size()));
                continue;
            }
            List<Problem.FieldError> rowErrors = new ArrayList<>();
            ItemDefinition row = new ItemDefinition(text(cells.get(0)), text(cells.get(1)), text(cells.get(2)),
                    text(cells.get(3)), text(cells.get(4)),
                    parse(cells.get(5), "shape", s -> Shape.valueOf(s.toUpperCase(Locale.ROOT)), rowErrors),
                    parse(cells.get(6), "target_min", BigDecimal::new, rowErrors),
                    parse(cells.get(7), "target_max", BigDecimal::new, rowErrors),
                    text(cells.get(8)),
                    parse(cells.get(9), "period", s -> Period.valueOf(s.toUpperCase(Locale.ROOT)), rowErrors),
                    parse(cells.get(10), "std_minutes", Integer::valueOf, rowErrors),
                    parse(cells.get(11), "crew_min", Integer::valueOf, rowErrors),
                    parse(cells.get(12), "crew_max", Integer::valueOf, rowErrors),
                    text(cells.get(13)), text(cells.get(14)));
            if (rowErrors.isEmpty()) {
                rowErrors.addAll(row.problems());
            }
            if (row.code() != null && !codes.add(row.code())) {
                rowErrors.add(new Problem.FieldError("code", "appears twice in the file"));
            }
            rowErrors.forEach(e -> errors.add(new Problem.FieldError(prefix + e.field(), e.message())));
            rows.add(row);
        }
        return new Parsed(errors.isEmpty() ? rows : List.of(), errors);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String text(String cell) {
        String trimmed = cell.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static <T> T parse(String cell, String column, Function<String, T> parser, List<Problem.FieldError> errors) {
        String value = text(cell);
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

    /** Splits one line on commas; double quotes protect commas and "" is a quote. */
    static List<String> splitLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
