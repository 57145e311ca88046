package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds a transaction open inside the service: when armed, the next transaction that records an outbox event waits
 * there, before its commit and with every lock it took, until the test releases it. Unarmed it does nothing.
 */
@ApplicationScoped
public class OutboxGate {

    private volatile CountDownLatch held;
    private volatile CountDownLatch release;
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger toHold = new AtomicInteger();

    /** Holds the next transaction that records an event; counts every later one that passes. */
    void holdNext() {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        arrivals.set(0);
        toHold.set(1);
    }

    void awaitHeld() throws InterruptedException {
        if (!held.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("No transaction reached the gate");
        }
    }

    /** Transactions that reached the gate since it was armed, the held one included. */
    int arrivals() {
        return arrivals.get();
    }

    void release() {
        toHold.set(0);
        if (release != null) {
            release.countDown();
        }
    }

    void onRecorded(@Observes Outbox.OutboxRecorded recorded) throws InterruptedException {
        if (release == null) {
            return;
        }
        arrivals.incrementAndGet();
        if (toHold.compareAndSet(1, 0)) {
            held.countDown();
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the held transaction");
            }
        }
    }
}
