package com.wuaigou.ops.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command-line tools the benchmark drives (psql, pgbench, wrk), each bounded in time. */
final class Tools {

    private static volatile Process running;

    private Tools() {
    }

    /** Runs a command to its end and returns its output; a non-zero exit or overrunning {@code limit} is a failure. */
    static String run(Path output, Duration limit, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        running = process;
        try {
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(command.get(0) + " overran " + limit + "; see " + output);
            }
        } finally {
            running = null;
        }
        String text = Files.readString(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    /** Stops the tool running now, if any: for a benchmark interrupted half-way. */
    static void stopRunning() {
        Process process = running;
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
