package com.wuaigou.ops.common.csv;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an uploaded CSV file: a header line naming the columns (in any order), then one row per record. Double quotes
 * enclose commas, line breaks and doubled quotes; a UTF-8 byte order mark is dropped; blank lines are skipped. Rows are
 * numbered as the file's data rows, so row 1 is the first after the header however many lines its values span, and
 * every import names a cell alike: {@code row 3, column slots}.
 * <p>
 * A file that is not such a table (no header, a missing, unknown or repeated column, a row with another number of
 * values than the header, broken quotes) is refused with a 400 {@value #MALFORMED} problem naming the header, or each
 * row and, where known, column; it is read whole before an import looks at a single row, so a refusal changes nothing.
 */
public final class CsvTable {

    public static final String MALFORMED = "malformed-csv";

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CsvTable() {
    }

    /** One data row: its number and its values by column name. */
    public record Row(int number, Map<String, String> values) {

        /** The value without surrounding spaces, or null when blank. */
        public String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }

        /** A problem with one of the row's values. */
        public Problem.FieldError error(String column, String message) {
            return new Problem.FieldError(cell(number, column), message);
        }
    }

    /** How a problem names a cell: {@code row 3, column slots}. */
    public static String cell(int row, String column) {
        return row(row) + ", column " + column;
    }

    /** How a problem names a whole row: {@code row 3}. */
    public static String row(int row) {
        return "row " + row;
    }

    /**
     * The rows of {@code text}, whose header must name exactly {@code columns}.
     *
     * @throws ProblemException 400 {@value #MALFORMED} when the text is not such a table
     */
    public static List<Row> read(String text, List<String> columns) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        List<String> values = new ArrayList<>();
        int number = 0;
        try (JsonParser parser = FACTORY.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            // WRAP_AS_ARRAY: one array around the file, one array of strings per record.
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                values.clear();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    values.add(parser.getText());
                }
                if (header == null) {
                    header = values.stream().map(String::trim).toList();
                    refuseIfBroken(headerErrors(header, columns));
                } else if (values.size() != header.size()) {
                    errors.add(new Problem.FieldError(row(++number), "has " + values.size() + " values, the header "
                            + header.size() + " columns"));
                } else {
                    rows.add(new Row(++number, zip(header, values)));
                }
            }
        } catch (JsonProcessingException e) {
            errors.add(brokenQuotes(header, number + 1, values.size(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null && errors.isEmpty()) {
            errors.add(new Problem.FieldError("header", "the file is empty; its first line names the columns "
                    + String.join(",", columns)));
        }
        refuseIfBroken(errors);
        return rows;
    }

    private static List<Problem.FieldError> headerErrors(List<String> header, List<String> columns) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> missing = columns.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(new Problem.FieldError("header", "lacks " + String.join(", ", missing)));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String name : header) {
            if (!columns.contains(name)) {
                errors.add(new Problem.FieldError("header", "has unknown column '" + name + "'; the columns are "
                        + String.join(",", columns)));
            } else if (seen.merge(name, 1, Integer::sum) == 2) {
                errors.add(new Problem.FieldError("header", "names " + name + " twice"));
            }
        }
        return errors;
    }

    /** A parse failure stops reading: what follows an unclosed quote cannot be split into rows any more. */
    private static Problem.FieldError brokenQuotes(List<String> header, int number, int column,
                                                   JsonProcessingException e) {
        String message = e.getOriginalMessage() + "; a quoted value ends with a double quote right before a comma or"
                + " line break, and \"\" inside it stands for one";
        if (header == null) {
            return new Problem.FieldError("header", message);
        }
        return new Problem.FieldError(column < header.size() ? cell(number, header.get(column)) : row(number), message);
    }

    private static Map<String, String> zip(List<String> header, List<String> values) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.put(header.get(i), values.get(i));
        }
        return byName;
    }

    private static void refuseIfBroken(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, MALFORMED, "Malformed CSV", errors.size()
                    + (errors.size() == 1 ? " problem" : " problems") + " reading the CSV file; nothing was imported",
                    errors);
        }
    }
}
