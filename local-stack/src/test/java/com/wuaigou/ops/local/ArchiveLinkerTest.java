package com.wuaigou.ops.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A training start's class archive holds the classes it loaded but never linked, once {@link ArchiveLinker} linked
 * them: checked on a small JVM that trains an archive as a service's does (JDK 17 archives classes from jars only).
 */
class ArchiveLinkerTest {

    /** Set by {@link RunsCodeWhenInitialised}'s static initialiser, which linking must not run. */
    static final AtomicBoolean INITIALISED = new AtomicBoolean();

    @TempDir
    Path work;

    @Test
    void shouldArchiveAClassTheTrainingStartLoadedButNeverLinked() throws Exception {
        Path app = appJar();

        Path unlinkedArchive = work.resolve("unlinked.jsa");
        List<String> unlinkedTraining = train(app, unlinkedArchive, false);
        Path linkedArchive = work.resolve("linked.jsa");
        List<String> linkedTraining = train(app, linkedArchive, true);

        String skipped = "Skipping " + NeverLinked.class.getName().replace('.', '/') + ": Not linked";
        assertThat(unlinkedTraining).anyMatch(line -> line.contains(skipped));
        assertThat(linkedTraining).noneMatch(line -> line.contains(skipped));
        assertThat(sourceOfNeverLinked(app, unlinkedArchive)).doesNotContain("shared objects file");
        assertThat(sourceOfNeverLinked(app, linkedArchive)).contains("shared objects file");
    }

    @Test
    void shouldLinkWithoutRunningAClassInitialiser() throws Exception {
        Class<?> loaded = Class.forName(RunsCodeWhenInitialised.class.getName(), false, getClass().getClassLoader());

        ArchiveLinker.agentmain("", loadedClasses(loaded));

        assertThat(INITIALISED).isFalse();
    }

    @Test
    void shouldWriteAnAgentJarThatNamesTheLinker() throws IOException {
        try (JarFile jar = new JarFile(ArchiveLinker.agentJar(work).toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Agent-Class"))
                    .isEqualTo(ArchiveLinker.class.getName());
            assertThat(jar.getEntry(ArchiveLinker.class.getName().replace('.', '/') + ".class")).isNotNull();
        }
    }

    /**
     * Runs {@link TrainingStart} writing an archive, links its classes when asked, and stops it with SIGTERM as the
     * local stack does; returns what the JVM printed.
     */
    private List<String> train(Path app, Path archive, boolean link) throws Exception {
        Path log = work.resolve(archive.getFileName() + ".log");
        Process jvm = new ProcessBuilder(ChildJvm.javaExecutable(), "-XX:ArchiveClassesAtExit=" + archive,
                "-cp", app.toString(), TrainingStart.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains(TrainingStart.READY));
        if (link) {
            ArchiveLinker.linkLoadedClasses(jvm, ArchiveLinker.agentJar(work));
        }
        jvm.destroy();
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(archive).exists();
        return Files.readAllLines(log);
    }

    /** Where a JVM mapping the archive finds {@link NeverLinked}: the class-loading log's line for it. */
    private String sourceOfNeverLinked(Path app, Path archive) throws Exception {
        Process jvm = new ProcessBuilder(ChildJvm.javaExecutable(), "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info", "-cp", app.toString(), LoadsNeverLinked.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().filter(l -> l.contains(" " + NeverLinked.class.getName() + " "))
                .findFirst().orElseThrow(() -> new AssertionError("No class-load line for NeverLinked in " + output));
    }

    /** The small application, as a jar: the classes of this test that its JVMs run. */
    private Path appJar() throws IOException {
        Path jar = work.resolve("app.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : List.of(TrainingStart.class, LoadsNeverLinked.class, NeverLinked.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream classFile = getClass().getClassLoader().getResourceAsStream(entry)) {
                    classFile.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Instrumentation loadedClasses(Class<?>... classes) {
        return (Instrumentation) Proxy.newProxyInstance(ArchiveLinkerTest.class.getClassLoader(),
                new Class<?>[]{Instrumentation.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAllLoadedClasses")) {
                        return classes;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * Loads {@link NeverLinked} without linking it, says so, and waits to be stopped. Through a class loader of its own,
     * as Quarkus loads a service's classes: JDK 17 links the classes of its own loaders before it writes an archive, but
     * leaves out those of other loaders that were never linked.
     */
    public static final class TrainingStart {
        static final String READY = "loaded, not linked";
        /** Held, so that the class stays loaded until the archive is written. */
        static Class<?> neverLinked;

        public static void main(String[] args) throws Exception {
            neverLinked = LoadsNeverLinked.load();
            System.out.println(READY);
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        }
    }

    /** Loads {@link NeverLinked} as {@link TrainingStart} did, from wherever the JVM finds it. */
    public static final class LoadsNeverLinked {
        public static void main(String[] args) throws Exception {
            load();
        }

        static Class<?> load() throws Exception {
            URL jar = LoadsNeverLinked.class.getProtectionDomain().getCodeSource().getLocation();
            return Class.forName("com.wuaigou.ops.local.ArchiveLinkerTest$NeverLinked", false,
                    new URLClassLoader(new URL[]{jar}, null));
        }
    }

    /** A class a start loads but never uses, as Hibernate and Kafka load many. */
    public static final class NeverLinked {
    }

    static final class RunsCodeWhenInitialised {
        static {
            INITIALISED.set(true);
        }
    }
}
