package com.wuaigou.ops.project.demo;

import com.wuaigou.ops.project.demo.DemoProjects.Spec;
import com.wuaigou.ops.project.demo.DemoProjects.Team;
import com.wuaigou.ops.project.domain.Phase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo projects against the layout of personnel-service's demo roster, without starting anything. */
class DemoProjectsTest {

    /** Group, manager and active members as the demo roster has them (id 13 is on leave). */
    private static final Map<String, Long> MANAGERS = Map.of("OPS", 1L, "CS", 4L, "PB", 14L, "PRODUCT", 24L,
            "DESIGN", 29L, "PHOTO", 35L);
    private static final Map<String, List<Long>> MEMBERS = Map.of(
            "OPS", List.of(2L, 3L),
            "CS", List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L),
            "PB", LongStream.rangeClosed(15, 23).boxed().toList(),
            "PRODUCT", List.of(25L, 26L, 27L, 28L),
            "DESIGN", List.of(30L, 31L, 32L, 33L, 34L),
            "PHOTO", List.of(36L, 37L, 38L));

    @Test
    void shouldNeverLetTheEvaluatingManagerBeAMemberAndShareExactlyAHundredPercent() {
        for (Spec spec : DemoProjects.SPECS) {
            Team team = team(spec);
            Set<Long> members = new HashSet<>(team.assistants().keySet());
            members.add(team.lead());
            assertThat(members).as(spec.key()).doesNotContain(team.supervisor());
            assertThat(team.shares().keySet()).as(spec.key()).isEqualTo(members);
            assertThat(team.shares().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(spec.key()).isEqualByComparingTo("100");
            assertThat(team.shares().values()).as(spec.key()).allSatisfy(share -> assertThat(share).isPositive());
        }
    }

    @Test
    void shouldGiveEveryActiveDemoPersonAClosedProjectWithAnEvaluation() {
        Set<Long> credited = new HashSet<>();
        DemoProjects.SPECS.stream().filter(spec -> spec.phase() == Phase.CLOSED).forEach(spec -> {
            assertThat(spec.review().results()).as(spec.key()).hasSameSizeAs(spec.criteria());
            credited.addAll(team(spec).shares().keySet());
        });
        Set<Long> active = new HashSet<>(MANAGERS.values());
        MEMBERS.values().forEach(active::addAll);

        assertThat(credited).isEqualTo(active);
    }

    @Test
    void shouldHaveProjectsInEveryPhase() {
        assertThat(DemoProjects.perPhase()).allSatisfy((phase, count) -> assertThat(count).as(phase.name()).isPositive());
    }

    @Test
    void shouldSplitTheRestEvenlyAndGiveTheLeadWhatRoundingLeaves() {
        assertThat(DemoProjects.shares(15, LongStream.rangeClosed(16, 24).boxed().toList()))
                .containsEntry(15L, new BigDecimal("40.06")).containsEntry(16L, new BigDecimal("6.66"));
    }

    private static Team team(Spec spec) {
        int next = (DemoProjects.GROUPS.indexOf(spec.group()) + 1) % DemoProjects.GROUPS.size();
        return DemoProjects.team(spec, MANAGERS.get(spec.group()), MEMBERS.get(spec.group()),
                MANAGERS.get(DemoProjects.GROUPS.get(next)));
    }
}
