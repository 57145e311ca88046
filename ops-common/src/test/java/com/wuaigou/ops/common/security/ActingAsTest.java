package com.wuaigou.ops.common.security;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class ActingAsTest {

    @Inject
    ActingAs actingAs;

    @Inject
    Caller caller;

    @Test
    void shouldShowTheCallerAsThePersonItActsAsAndForgetThemAfterwards() throws Exception {
        List<Object> seen = outsideRequests(() -> actingAs.call(12, Roles.MANAGER,
                () -> List.of(caller.staffId(), caller.is(Roles.MANAGER), caller.isDepartmentWide())));
        List<Object> next = outsideRequests(() -> actingAs.call(1, Roles.DIRECTOR,
                () -> List.of(caller.staffId(), caller.isDepartmentWide())));
        boolean contextLeftOpen = outsideRequests(() -> {
            actingAs.run(12, Roles.STAFF, caller::staffId);
            return Arc.container().requestContext().isActive();
        });

        assertThat(seen).containsExactly(12L, true, false);
        assertThat(next).containsExactly(1L, true);
        assertThat(contextLeftOpen).isFalse();
    }

    @Test
    void shouldRefuseToSwitchTheCallerOfARunningRequest() {
        assertThatThrownBy(() -> outsideRequests(() -> actingAs.call(12, Roles.STAFF,
                () -> actingAs.call(1, Roles.ADMIN, caller::staffId))))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    /** On a thread of its own: a test method itself runs inside a request context. */
    private static <T> T outsideRequests(Supplier<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work::get).get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdown();
        }
    }
}
