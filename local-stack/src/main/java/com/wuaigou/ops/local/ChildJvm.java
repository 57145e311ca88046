package com.wuaigou.ops.local;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds command lines for Java processes this module starts, with the classpath this module runs on. */
final class ChildJvm {

    /**
     * A service's JVM options, its container image's too (Dockerfile.jvm), chosen with bench/startup.sh (see
     * docs/benchmarks.md): a heap that starts small, grows only as needed and is bounded well above the few dozen MB a
     * service uses; SerialGC, one collector thread and none of a parallel collector's per-thread memory; compilation
     * thresholds three times the defaults, so a start leaves most methods to the quick compiler (the optimizing one
     * then used a third of its CPU time) while the methods that stay hot are still optimized, at the same peak speed.
     */
    static final List<String> SERVICE_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=20", "-XX:+UseSerialGC", "-XX:CompileThresholdScaling=3");

    /** Where the build writes a service's AppCDS archive: the classes a start loads, already parsed and verified. */
    static final String APPCDS_ARCHIVE = "app-cds.jsa";

    private ChildJvm() {
    }

    static String javaExecutable() {
        return jdkTool("java").toString();
    }

    /** A tool of the Java this module runs on ({@code java}, {@code jcmd}); a JRE lacks the latter. */
    static Path jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name);
    }

    /**
     * The classpath of this module. Under {@code exec:java} it is the plugin's class loader, not
     * {@code java.class.path}; under Surefire and a plain {@code java -cp} the system property is right.
     */
    static String classpath() {
        ClassLoader loader = ChildJvm.class.getClassLoader();
        if (loader instanceof URLClassLoader urlLoader && urlLoader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urlLoader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    entries.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /**
     * A packaged service's JVM, started in its {@code quarkus-app} folder with the jar named as Quarkus named it when
     * it wrote the AppCDS archive there: the archive records the class path, and a JVM whose class path differs, or
     * that is not the JVM that wrote it, ignores the archive.
     */
    static ProcessBuilder service(Path quarkusApp) {
        return service(quarkusApp, mapping(quarkusApp.resolve(APPCDS_ARCHIVE)));
    }

    /** The option that makes a JVM map an AppCDS archive. */
    static String mapping(Path archive) {
        return "-XX:SharedArchiveFile=" + archive;
    }

    /** The option that makes a JVM write the classes it loaded to an AppCDS archive when it exits. */
    static String training(Path archive) {
        return "-XX:ArchiveClassesAtExit=" + archive;
    }

    /** A packaged service's JVM with the given AppCDS option: which archive it maps, or where it writes one. */
    static ProcessBuilder service(Path quarkusApp, String archiveOption) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(SERVICE_OPTIONS);
        command.add(archiveOption);
        command.add("-jar");
        command.add("quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(command).directory(quarkusApp.toFile());
        // glibc otherwise gives every thread that allocates its own malloc arena, tens of MB of RSS in all.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder;
    }

    static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
