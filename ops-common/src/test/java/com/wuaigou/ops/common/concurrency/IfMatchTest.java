package com.wuaigou.ops.common.concurrency;

import com.wuaigou.ops.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** If-Match as RFC 9110 reads it: absent, *, or a list of entity tags compared strongly with the version. */
class IfMatchTest {

    @Test
    void shouldMatchTheVersionsStrongTagAloneOrInAList() {
        assertThat(IfMatch.parse("\"3\"").matches(3)).isTrue();
        assertThat(IfMatch.parse(" \"1\" , \"3\"").matches(3)).isTrue();
        assertThat(IfMatch.parse("\"1\",\"2\"").matches(3)).isFalse();
    }

    @Test
    void shouldNeverMatchAWeakTagOrATagThisApiDoesNotIssue() {
        assertThat(IfMatch.parse("W/\"3\"").matches(3)).isFalse();
        assertThat(IfMatch.parse("\"abc\"").matches(3)).isFalse();
        assertThat(IfMatch.parse("W/\"3\", \"3\"").matches(3)).isTrue();
    }

    @Test
    void shouldMatchAnyVersionWithAStar() {
        assertThat(IfMatch.parse("*").matches(7)).isTrue();
        assertThat(IfMatch.namesVersions("*")).isFalse();
        assertThat(IfMatch.namesVersions("\"7\"")).isTrue();
    }

    @Test
    void shouldTellAnAbsentHeaderFromAPresentOne() {
        assertThat(IfMatch.parse(null).isPresent()).isFalse();
        assertThat(IfMatch.parse(null).matches(0)).isFalse();
        assertThat(IfMatch.parse("\"0\"").isPresent()).isTrue();
    }

    @Test
    void shouldRefuseAHeaderThatIsNoListOfEntityTagsNamingIt() {
        for (String malformed : new String[]{"3", "\"3", "\"3\" \"4\"", "\"3\",", "W/3", "*, \"3\"", ""}) {
            assertThatThrownBy(() -> IfMatch.parse(malformed)).as(malformed)
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400))
                    .hasMessageStartingWith("If-Match: ");
        }
    }
}
