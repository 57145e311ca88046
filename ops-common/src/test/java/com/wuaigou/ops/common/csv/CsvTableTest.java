package com.wuaigou.ops.common.csv;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvTableTest {

    private static final List<String> COLUMNS = List.of("code", "name", "notes");

    @Test
    void shouldFindValuesByColumnNameWhateverTheirOrder() {
        List<CsvTable.Row> rows = CsvTable.read("notes,code,name\nquiet, A-1 ,Anna\n,B-2,\n", COLUMNS);

        assertThat(rows).extracting(CsvTable.Row::number).containsExactly(1, 2);
        assertThat(rows.get(0).get("code")).isEqualTo("A-1");
        assertThat(rows.get(0).get("notes")).isEqualTo("quiet");
        assertThat(rows.get(1).get("name")).isNull();
    }

    @Test
    void shouldKeepCommasQuotesAndLineBreaksInsideQuotesAndCountARecordAsOneRow() {
        List<CsvTable.Row> rows = CsvTable.read("code,name,notes\r\n"
                + "A-1,\"Lin, Anna\",\"first line\r\nsecond \"\"quoted\"\" line\"\r\n"
                + "B-2,Bo,\r\n", COLUMNS);

        assertThat(rows).extracting(CsvTable.Row::number).containsExactly(1, 2);
        assertThat(rows.get(0).get("name")).isEqualTo("Lin, Anna");
        assertThat(rows.get(0).get("notes")).isEqualTo("first line\r\nsecond \"quoted\" line");
        assertThat(rows.get(1).get("code")).isEqualTo("B-2");
    }

    @Test
    void shouldDropAByteOrderMarkBeforeTheHeader() {
        List<CsvTable.Row> rows = CsvTable.read("\uFEFFcode,name,notes\nA-1,Anna,\n", COLUMNS);

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("code")).isEqualTo("A-1"));
    }

    @Test
    void shouldSkipBlankLinesWithoutCountingThem() {
        List<CsvTable.Row> rows = CsvTable.read("code,name,notes\n\nA-1,Anna,\n   \nB-2,Bo,\n\n", COLUMNS);

        assertThat(rows).extracting(row -> row.number() + " " + row.get("code")).containsExactly("1 A-1", "2 B-2");
    }

    @Test
    void shouldNameRowAndColumnInProblems() {
        assertThat(CsvTable.cell(3, "slots")).isEqualTo("row 3, column slots");
        assertThat(new CsvTable.Row(4, Map.of()).error("code", "is taken"))
                .isEqualTo(new Problem.FieldError("row 4, column code", "is taken"));
    }

    @Test
    void shouldRefuseAnUnclosedQuoteNamingTheRowAndColumnWhereItOpened() {
        ProblemException refusal = refusal("code,name,notes\nA-1,Anna,\nB-2,\"Bo,\nC-3,Cai,\n");

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.toProblem().type()).endsWith("/" + CsvTable.MALFORMED);
        assertThat(refusal.toProblem().errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("row 2, column name");
            assertThat(error.message()).contains("Missing closing quote");
        });
    }

    @Test
    void shouldRefuseTextAfterAClosingQuote() {
        ProblemException refusal = refusal("code,name,notes\nA-1,Anna,\nB-2,Bo,\"said \"hi\"\"\n");

        assertThat(fields(refusal)).containsExactly("row 2, column notes");
    }

    @Test
    void shouldListEveryRowWithAnotherNumberOfValuesThanTheHeader() {
        ProblemException refusal = refusal("code,name,notes\nA-1,Anna\nB-2,Bo,\nC-3,Cai,,extra\n");

        assertThat(refusal.toProblem().errors()).containsExactly(
                new Problem.FieldError("row 1", "has 2 values, the header 3 columns"),
                new Problem.FieldError("row 3", "has 4 values, the header 3 columns"));
    }

    @Test
    void shouldRefuseAHeaderThatLacksRepeatsOrAddsColumns() {
        assertThat(fields(refusal("code,name\nA-1,Anna\n"))).containsExactly("header");
        assertThat(refusal("code,name,notes,code\n").toProblem().errors()).extracting(Problem.FieldError::message)
                .containsExactly("names code twice");
        assertThat(refusal("code,name,notes,colour\n").toProblem().errors()).extracting(Problem.FieldError::message)
                .containsExactly("has unknown column 'colour'; the columns are code,name,notes");
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertThat(fields(refusal(""))).containsExactly("header");
        assertThat(fields(refusal("\uFEFF\n\n"))).containsExactly("header");
    }

    private static ProblemException refusal(String text) {
        return catchThrowableOfType(ProblemException.class, () -> CsvTable.read(text, COLUMNS));
    }

    private static List<String> fields(ProblemException refusal) {
        return refusal.toProblem().errors().stream().map(Problem.FieldError::field).toList();
    }
}
