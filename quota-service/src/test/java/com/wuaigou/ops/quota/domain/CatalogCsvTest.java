package com.wuaigou.ops.quota.domain;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CatalogCsvTest {

    private static final String HEADER = String.join(",", ItemDefinition.CSV_COLUMNS);

    @Test
    void shouldReadEveryRowOfTheSeedCatalog() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/quota-catalog.csv")) {
            CatalogCsv.Parsed parsed = CatalogCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));

            assertThat(parsed.errors()).isEmpty();
            assertThat(parsed.rows()).hasSize(84);
            assertThat(parsed.rows()).extracting(CatalogCsv.Row::item)
                    .filteredOn(r -> r.code().equals("CS-TRAINING")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.shape()).isEqualTo(Shape.STANDARD_TIME);
                        assertThat(r.stdMinutes()).isEqualTo(90);
                        assertThat(r.crewMin()).isEqualTo(3);
                        assertThat(r.crewMax()).isEqualTo(4);
                    });
        }
    }

    @Test
    void shouldNameEveryBadCellByRowAndColumnAndKeepNoRows() {
        String csv = HEADER + "\n"
                + "PB,PB-OK,x,名,Name,COUNT,1,1,post,DAY,,,,,\n"
                + "PB,PB-BAD-SHAPE,x,名,Name,SQUARE,1,1,post,DAY,,,,,\n"
                + "PB,PB-NO-SLOTS,x,名,Name,COVERAGE,1,,person,DAY,,,,,\n"
                + "PB,PB-RANGE,x,名,Name,COUNT,4,2,post,WEEK,,,,,\n"
                + "PB,PB-OK,x,名,Name,COUNT,1,1,post,DAY,,,,,\n";

        CatalogCsv.Parsed parsed = CatalogCsv.parse(csv);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).extracting(Problem.FieldError::field).containsExactly(
                "row 2, column shape", "row 3, column slots", "row 4, column target_max", "row 5, column code");
    }

    @Test
    void shouldRefuseNumbersAndTextTheColumnsCannotKeep() {
        String csv = HEADER + "\n"
                + "PB,PB-HUGE,x,名,Name,COUNT,1e12,,post,DAY,,,,,\n"
                + "PB,PB-FINE,x,名,Name,COUNT,0.00001,,post,DAY,,,,,\n"
                + "PB,PB-LONG,x,名," + "N".repeat(301) + ",COUNT,1,,post,DAY,,,,,\n"
                + "PB,PB-SLOW,x,名,Name,STANDARD_TIME,,,post,,1441,1,101,,\n";

        CatalogCsv.Parsed parsed = CatalogCsv.parse(csv);

        assertThat(parsed.errors()).extracting(Problem.FieldError::field).containsExactly("row 1, column target_min",
                "row 2, column target_min", "row 3, column name_en", "row 4, column std_minutes", "row 4, column crew_max");
    }

    @Test
    void shouldKeepALineBreakInsideQuotesAsPartOfTheValue() {
        CatalogCsv.Parsed parsed = CatalogCsv.parse(HEADER + "\n"
                + "PB,PB-NOTES,x,名,Name,COUNT,1,1,post,DAY,,,,,\"counts posts,\nnot reposts\"\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).singleElement()
                .satisfies(row -> assertThat(row.item().notes()).isEqualTo("counts posts,\nnot reposts"));
    }

    @Test
    void shouldReadAFileThatStartsWithAByteOrderMark() {
        CatalogCsv.Parsed parsed = CatalogCsv.parse("\uFEFF" + HEADER + "\r\nPB,PB-BOM,x,名,Name,COUNT,1,1,post,DAY,,,,,\r\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(row -> row.item().code()).containsExactly("PB-BOM");
    }

    @Test
    void shouldNumberRowsAsTheFileDataRowsHoweverManyLinesTheySpan() {
        CatalogCsv.Parsed parsed = CatalogCsv.parse(HEADER + "\n"
                + "PB,PB-LONG,x,名,Name,COUNT,1,1,post,DAY,,,,,\"one\ntwo\nthree\"\n"
                + "\n"
                + "PB,PB-BAD,x,名,Name,SQUARE,1,1,post,DAY,,,,,\n");

        assertThat(parsed.errors()).extracting(Problem.FieldError::field).containsExactly("row 2, column shape");
    }

    @Test
    void shouldRefuseAnUnclosedQuoteAsMalformedNamingRowAndColumn() {
        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> CatalogCsv.parse(HEADER + "\n"
                + "PB,PB-OK,x,名,Name,COUNT,1,1,post,DAY,,,,,\n"
                + "PB,PB-OPEN,x,\"名,Name,COUNT,1,1,post,DAY,,,,,\n"));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.toProblem().errors()).extracting(Problem.FieldError::field)
                .containsExactly("row 2, column name_zh");
    }

    @Test
    void shouldRefuseAFileWithTheWrongHeaderAsMalformed() {
        ProblemException refusal = catchThrowableOfType(ProblemException.class,
                () -> CatalogCsv.parse("code,name\nX,Y\n"));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.toProblem().errors()).extracting(Problem.FieldError::field).containsOnly("header");
    }
}
