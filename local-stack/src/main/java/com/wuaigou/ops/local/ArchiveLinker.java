package com.wuaigou.ops.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Links the classes a training start loaded, just before its JVM writes its class archive. JDK 17 leaves a class that
 * was loaded but never linked out of the archive ("Skipping ...: Not linked"), so every later start reads it from its
 * jar again: about 2,700 of quota-service's (Hibernate's boot model and query grammar, the Kafka client, Jackson).
 * Attached to the running JVM as an agent through the JDK's {@code jcmd}: asking a class for its declared fields
 * links it (verifies it) without initialising it, so none of the service's code runs.
 */
public final class ArchiveLinker {

    private static final String JAR = "archive-linker.jar";

    private ArchiveLinker() {
    }

    /** The agent's entry point in the training JVM. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            try {
                loaded.getDeclaredFields();
            } catch (LinkageError | SecurityException unlinkable) {
                // A class that cannot be verified here (a type it names is absent) stays out of the archive, as before.
            }
        }
    }

    /** The agent's jar in {@code directory}: this class alone, named in its manifest as the agent class. */
    static Path agentJar(Path directory) throws IOException {
        Path jar = directory.resolve(JAR);
        Path written = Files.createTempFile(directory, JAR, ".part");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Agent-Class"), ArchiveLinker.class.getName());
        String entry = ArchiveLinker.class.getName().replace('.', '/') + ".class";
        try {
            try (OutputStream file = Files.newOutputStream(written);
                 JarOutputStream out = new JarOutputStream(file, manifest);
                 InputStream classFile = ArchiveLinker.class.getClassLoader().getResourceAsStream(entry)) {
                if (classFile == null) {
                    throw new IOException("The class file " + entry + " is not on this module's class path");
                }
                out.putNextEntry(new JarEntry(entry));
                classFile.transferTo(out);
                out.closeEntry();
            }
            return Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(written);
            throw e;
        }
    }

    /**
     * Links the classes the running JVM loaded, waiting until it has. When that cannot be done (no {@code jcmd} in this
     * Java, a JVM that refuses agents), the archive is only less complete, so this says why and carries on.
     */
    static void linkLoadedClasses(Process process, Path agentJar) throws InterruptedException {
        Path jcmd = ChildJvm.jdkTool("jcmd");
        if (!Files.isExecutable(jcmd)) {
            LocalSystem.say("No %s: the class archive keeps out the classes the start never linked", jcmd);
            return;
        }
        try {
            Path output = Files.createTempFile(agentJar.getParent(), "archive-linker", ".out");
            try {
                Process attach = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(process.pid()),
                        "JVMTI.agent_load", agentJar.toString()))
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!attach.waitFor(60, TimeUnit.SECONDS)) {
                    attach.destroyForcibly();
                    LocalSystem.say("Linking the classes of pid %d took over 60 s; its class archive may miss some",
                            process.pid());
                } else if (!Files.readString(output).contains("return code: 0")) {
                    // jcmd's own status is 0 when it reached the JVM, whatever the agent did there.
                    LocalSystem.say("jcmd could not link the classes of pid %d (%s); its class archive may miss some",
                            process.pid(), Files.readString(output).strip());
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            LocalSystem.say("jcmd could not link the classes of pid %d (%s); its class archive may miss some",
                    process.pid(), e.getMessage());
        }
    }
}
