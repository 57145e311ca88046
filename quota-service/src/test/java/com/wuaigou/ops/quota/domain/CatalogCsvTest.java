package com.wuaigou.ops.quota.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCsvTest {

    private static final String HEADER = String.join(",", ItemDefinition.CSV_COLUMNS);

    @Test
    void shouldReadEveryRowOfTheSeedCatalog() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/quota-catalog.csv")) {
            CatalogCsv.Parsed parsed = CatalogCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));

            assertThat(parsed.errors()).isEmpty();
            assertThat(parsed.rows()).hasSize(84);
            assertThat(parsed.rows()).filteredOn(r -> r.code().equals("CS-TRAINING")).singleElement()
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
        assertThat(parsed.errors()).extracting(e -> e.field())
                .containsExactly("row 3.shape", "row 4.slots", "row 5.target_max", "row 6.code");
    }

    @Test
    void shouldRefuseNumbersAndTextTheColumnsCannotKeep() {
        String csv = HEADER + "\n"
                + "PB,PB-HUGE,x,名,Name,COUNT,1e12,,post,DAY,,,,,\n"
                + "PB,PB-FINE,x,名,Name,COUNT,0.00001,,post,DAY,,,,,\n"
                + "PB,PB-LONG,x,名," + "N".repeat(301) + ",COUNT,1,,post,DAY,,,,,\n"
                + "PB,PB-SLOW,x,名,Name,STANDARD_TIME,,,post,,1441,1,101,,\n";

        CatalogCsv.Parsed parsed = CatalogCsv.parse(csv);

        assertThat(parsed.errors()).extracting(e -> e.field()).containsExactly("row 2.target_min", "row 3.target_min",
                "row 4.name_en", "row 5.std_minutes", "row 5.crew_max");
    }

    @Test
    void shouldRefuseAFileWithTheWrongHeader() {
        CatalogCsv.Parsed parsed = CatalogCsv.parse("code,name\nX,Y\n");

        assertThat(parsed.errors()).extracting(e -> e.field()).containsExactly("row 1");
    }
}
