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

    private ChildJvm() {
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
