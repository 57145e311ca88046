package com.wuaigou.ops.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** When a service's start maps its trained class archive, and when a start trains one. */
class TrainedArchiveTest {

    private static final Instant BUILT = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path app;
    private TrainedArchive archive;

    @BeforeEach
    void packageTheService() throws IOException {
        Path runner = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(runner, FileTime.from(BUILT));
        archive = new TrainedArchive(app);
    }

    @Test
    void shouldNameTheArchiveAfterTheJvmThatWritesIt() {
        assertThat(archive.path().getFileName().toString())
                .startsWith("app-cds-trained-" + Runtime.version().feature())
                .endsWith(".jsa");
    }

    @Test
    void shouldTrainWhenTheBuildHasNoArchive() throws IOException {
        assertThat(archive.isCurrent()).isFalse();
    }

    @Test
    void shouldTrainAgainAfterTheServiceWasRebuilt() throws IOException {
        Files.writeString(archive.path(), "classes");
        Files.setLastModifiedTime(archive.path(), FileTime.from(BUILT.minusSeconds(60)));

        assertThat(archive.isCurrent()).isFalse();
    }

    @Test
    void shouldMapTheArchiveTrainedOnThisBuild() throws IOException {
        Files.writeString(archive.path(), "classes");
        Files.setLastModifiedTime(archive.path(), FileTime.from(BUILT.plusSeconds(60)));

        assertThat(archive.isCurrent()).isTrue();
    }

    @Test
    void shouldGiveTwoInstancesTrainingAtOnceFilesOfTheirOwn() {
        assertThat(archive.trainingFile(8082)).isNotEqualTo(archive.trainingFile(40123))
                .isNotEqualTo(archive.path());
    }

    @Test
    void shouldAdoptWhatATrainingStartWrote() throws IOException {
        Path written = Files.writeString(archive.trainingFile(8082), "classes");

        archive.adopt(written);

        assertThat(archive.path()).hasContent("classes");
        assertThat(written).doesNotExist();
    }

    @Test
    void shouldKeepTheArchiveWhenATrainingStartWroteNothing() throws IOException {
        Files.writeString(archive.path(), "classes");
        Path empty = Files.createFile(archive.trainingFile(8082));

        archive.adopt(empty);
        archive.adopt(archive.trainingFile(40123));

        assertThat(archive.path()).hasContent("classes");
    }
}
