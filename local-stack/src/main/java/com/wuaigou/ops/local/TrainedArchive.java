package com.wuaigou.ops.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A service's trained AppCDS archive: the classes a whole start of the service loaded, written by its JVM when it exits
 * after a graceful stop ({@code -XX:ArchiveClassesAtExit}), and mapped by every later start of the same build on the
 * same JVM. A start that finds none trains one; it is slower, and the JVM writes the archive when it stops.
 */
final class TrainedArchive {

    private final Path archive;
    private final Path runner;

    TrainedArchive(Path quarkusApp) {
        // An archive works only with the JVM build that wrote it, so its name carries the JVM's version.
        this.archive = quarkusApp.resolve("app-cds-trained-" + Runtime.version().toString()
                .replaceAll("[^0-9A-Za-z.+-]", "_") + ".jsa");
        this.runner = quarkusApp.resolve("quarkus-run.jar");
    }

    Path path() {
        return archive;
    }

    /** Whether this build has its archive: one written after the build wrote the jar it was trained on. */
    boolean isCurrent() throws IOException {
        return Files.exists(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(runner)) > 0;
    }

    /**
     * Where a training start on {@code port} writes its archive, apart from the archive itself, so that two
     * instances training at once never write one file.
     */
    Path trainingFile(int port) {
        return archive.resolveSibling(archive.getFileName() + "." + port + ".part");
    }

    /** Makes what a training start wrote the archive, once its JVM has exited normally. */
    void adopt(Path trainingFile) throws IOException {
        if (Files.exists(trainingFile) && Files.size(trainingFile) > 0) {
            Files.move(trainingFile, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
