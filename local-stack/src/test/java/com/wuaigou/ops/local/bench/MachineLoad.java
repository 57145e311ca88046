package com.wuaigou.ops.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How loaded the machine was while a part ran: the mean one-minute load average (sampled every second) and the share
 * of CPU time that was not idle (from /proc/stat). The load generator shares the cores, so a figure means little
 * without it. Optionally also the CPU time some process trees used meanwhile (a service's JVM, PostgreSQL's server
 * and its backends), which says what one request costs however loaded the machine was.
 */
final class MachineLoad {

    /** /proc reports CPU times in USER_HZ, which is 100 on Linux whatever the kernel's own tick rate. */
    private static final double MILLIS_PER_TICK = 10;

    /**
     * What was seen over one part: the watched trees' CPU, all CPUs' busy time and the CPU of the JIT compiler threads
     * of the first tree's root (a JVM), in milliseconds.
     */
    record Seen(double loadAverage, double busyPercent, double busyMillis, List<Double> treeMillis, double jitMillis) {
        @Override
        public String toString() {
            return "%.1f / %.0f%%".formatted(loadAverage, busyPercent);
        }
    }

    private final List<Long> trees;
    private final long[] startTreeTicks;
    private final Map<String, Long> startJitTicks;
    private final long[] startTicks = cpuTicks();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "machine-load");
        thread.setDaemon(true);
        return thread;
    });
    private double loadSum;
    private int samples;

    private MachineLoad(List<Long> trees) {
        this.trees = trees;
        this.startTreeTicks = treeTicks(trees);
        this.startJitTicks = trees.isEmpty() ? Map.of() : compilerThreadTicks(trees.get(0));
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    static MachineLoad start() {
        return new MachineLoad(List.of());
    }

    /** Watches the CPU time of the processes given and of all their descendants too. */
    static MachineLoad start(List<Long> treeRoots) {
        return new MachineLoad(treeRoots);
    }

    Seen stop() {
        sampler.shutdownNow();
        long[] endTreeTicks = treeTicks(trees);
        long jitTicks = trees.isEmpty() ? 0 : compilerThreadTicks(trees.get(0)).entrySet().stream()
                .mapToLong(thread -> thread.getValue() - startJitTicks.getOrDefault(thread.getKey(), 0L)).sum();
        long[] endTicks = cpuTicks();
        double busy = endTicks[0] - startTicks[0];
        double total = endTicks[1] - startTicks[1];
        List<Double> treeMillis = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            treeMillis.add((endTreeTicks[i] - startTreeTicks[i]) * MILLIS_PER_TICK);
        }
        synchronized (this) {
            return new Seen(samples == 0 ? oneMinuteLoad() : loadSum / samples, total == 0 ? 0 : 100 * busy / total,
                    busy * MILLIS_PER_TICK, treeMillis, jitTicks * MILLIS_PER_TICK);
        }
    }


    private synchronized void sample() {
        loadSum += oneMinuteLoad();
        samples++;
    }

    private static double oneMinuteLoad() {
        return Double.parseDouble(read("/proc/loadavg").split(" ")[0]);
    }

    /**
     * The user and system ticks of each tree: of its live processes, and of the children they have waited for (which
     * the kernel adds to the parent when it reaps them), so that every tick is counted once however processes come
     * and go. A tree whose root has gone counts nothing.
     */
    private static long[] treeTicks(List<Long> roots) {
        if (roots.isEmpty()) {
            return new long[0];
        }
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            entries.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                try {
                    String[] fields = statFields(dir);
                    long pid = Long.parseLong(dir.getFileName().toString());
                    parents.put(pid, Long.parseLong(fields[1]));
                    ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]));
                } catch (IOException | RuntimeException gone) {
                    // The process ended while the list was read; its parent has or will have its time.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The benchmark reads processes' CPU time from /proc", e);
        }
        long[] sums = new long[roots.size()];
        for (Map.Entry<Long, Long> process : ticks.entrySet()) {
            for (long pid = process.getKey(); pid > 1; pid = parents.getOrDefault(pid, 0L)) {
                int root = roots.indexOf(pid);
                if (root >= 0) {
                    sums[root] += process.getValue();
                    break;
                }
            }
        }
        return sums;
    }

    /**
     * The user and system ticks of each JIT compiler thread (HotSpot's "C1 CompilerThread" and "C2 CompilerThread",
     * named in 15 characters by the kernel) of a JVM, by thread id. HotSpot ends idle compiler threads and starts new
     * ones, so a thread that ended within a part takes its ticks with it: the figure is a lower bound.
     */
    private static Map<String, Long> compilerThreadTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            threads.forEach(thread -> {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] fields = statFields(thread);
                        ticks.put(thread.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    }
                } catch (IOException | RuntimeException gone) {
                    // The thread ended while the list was read.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The benchmark reads a JVM's threads from /proc", e);
        }
        return ticks;
    }

    /**
     * The fields of a process's or thread's {@code stat} after the command's closing parenthesis: state, ppid, ...,
     * utime (index 11), stime, cutime, cstime.
     */
    private static String[] statFields(Path processOrThread) throws IOException {
        String stat = Files.readString(processOrThread.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
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
