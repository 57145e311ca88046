package com.wuaigou.ops.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How loaded the machine was while a part ran: the mean one-minute load average (sampled every second) and the share
 * of CPU time that was not idle (from /proc/stat). The load generator shares the cores, so a figure means little
 * without it.
 */
final class MachineLoad {

    /** What was seen over one part. */
    record Seen(double loadAverage, double busyPercent) {
        @Override
        public String toString() {
            return "%.1f / %.0f%%".formatted(loadAverage, busyPercent);
        }
    }

    private final long[] startTicks = cpuTicks();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "machine-load");
        thread.setDaemon(true);
        return thread;
    });
    private double loadSum;
    private int samples;

    private MachineLoad() {
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    static MachineLoad start() {
        return new MachineLoad();
    }

    Seen stop() {
        sampler.shutdownNow();
        long[] endTicks = cpuTicks();
        double busy = endTicks[0] - startTicks[0];
        double total = endTicks[1] - startTicks[1];
        synchronized (this) {
            return new Seen(samples == 0 ? oneMinuteLoad() : loadSum / samples, total == 0 ? 0 : 100 * busy / total);
        }
    }

    private synchronized void sample() {
        loadSum += oneMinuteLoad();
        samples++;
    }

    private static double oneMinuteLoad() {
        return Double.parseDouble(read("/proc/loadavg").split(" ")[0]);
    }

    /** Busy and total jiffies of all CPUs; idle and iowait count as not busy, guest time is inside user already. */
    private static long[] cpuTicks() {
        long[] fields = Arrays.stream(read("/proc/stat").lines().findFirst().orElseThrow().trim().split("\\s+"))
                .skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        long total = Arrays.stream(fields).sum();
        return new long[]{total - fields[3] - fields[4], total};
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("The benchmark reads the machine's load from " + file, e);
        }
    }
}
