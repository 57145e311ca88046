package com.wuaigou.ops.common.jdbc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RowCopiesTest {

    private final Map<String, String> rows = new HashMap<>(Map.of("A", "a1"));
    private final List<String> reads = new ArrayList<>();
    private final RowCopies<String, String> copies = new RowCopies<>(key -> {
        reads.add(key);
        return Optional.ofNullable(rows.get(key));
    });

    @Test
    void shouldReadARowOnceAndAnswerFromItsCopyAfterwards() {
        assertThat(copies.get("A")).contains("a1");
        rows.put("A", "a2");

        assertThat(copies.get("A")).contains("a1");
        assertThat(reads).containsExactly("A");
    }

    @Test
    void shouldReadTheRowAgainOnceItsCopyIsForgotten() {
        copies.get("A");
        rows.put("A", "a2");

        copies.forget("A");

        assertThat(copies.get("A")).contains("a2");
        assertThat(reads).containsExactly("A", "A");
    }

    @Test
    void shouldKeepNoCopyOfARowThatIsNotThere() {
        assertThat(copies.get("B")).isEmpty();
        rows.put("B", "b1");

        assertThat(copies.get("B")).contains("b1");
    }

    @Test
    void shouldReadEveryRowAgainAfterForgettingAll() {
        copies.get("A");
        rows.put("A", "a2");

        copies.forgetAll();

        assertThat(copies.get("A")).contains("a2");
    }
}
