package com.wuaigou.ops.common.demo;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs a service's demo load on a thread of its own and reports where it stands as a readiness check: not ready while
 * it loads (or after it failed), so whoever waits for the service to be ready (the local stack, the end-to-end test)
 * finds the demo complete. A service that loads no demo data is always ready.
 */
@Readiness
@Default // besides @Readiness, so that the loaders can inject it
@ApplicationScoped
public class DemoDataProgress implements HealthCheck {

    private enum State {
        NOT_ASKED, LOADING, LOADED, FAILED
    }

    private static final Logger LOG = Logger.getLogger(DemoDataProgress.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private volatile State state = State.NOT_ASKED;
    private volatile String failure;
    private volatile boolean stopping;

    /**
     * Starts {@code load} on a daemon thread: the roster copies the demo needs fill from Kafka after start, so the
     * load waits for them without holding up the start. An exception leaves the service unready with its message.
     */
    public void start(String name, Runnable load) {
        state = State.LOADING;
        Thread loader = new Thread(() -> {
            try {
                load.run();
                state = stopping ? State.LOADING : State.LOADED;
            } catch (RuntimeException e) {
                failure = String.valueOf(e);
                state = State.FAILED;
                LOG.errorf(e, "%s failed", name);
            }
        }, name);
        loader.setDaemon(true);
        loader.start();
    }

    /** Whether the service is shutting down, so a load stops between its steps. */
    public boolean stopping() {
        return stopping;
    }

    /** Polls {@code ready} until it holds (true) or {@code wait} has passed or the service stops (false). */
    public boolean await(BooleanSupplier ready, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!stopping) {
            if (ready.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * Makes the loads of several instances on one database take turns: a PostgreSQL advisory lock on {@code key}
     * until the caller's transaction ends.
     */
    public static void takeTurns(EntityManager entityManager, long key) {
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:key)) turn")
                .setParameter("key", key).getSingleResult();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("demo-data")
                .status(state == State.NOT_ASKED || state == State.LOADED)
                .withData("state", state.name());
        if (failure != null) {
            response.withData("failure", failure);
        }
        return response.build();
    }
}
