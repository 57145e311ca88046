package com.wuaigou.ops.local;

import com.wuaigou.ops.local.LocalSystem.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service runs in its container image as the local stack and the startup benchmark run it: with the same JVM
 * options, and with an AppCDS archive, written in the image by the image's own JVM from a jar built for it.
 */
class ContainerImageTest {

    private static final Path ROOT = LocalStack.projectRoot();

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldStartTheServiceWithTheLocalStacksJvmOptionsAndItsOwnArchive(Service service) throws IOException {
        String dockerfile = dockerfile(service);
        List<String> options = new ArrayList<>(words(env(dockerfile, "GC_CONTAINER_OPTIONS")));
        options.addAll(words(env(dockerfile, "JAVA_OPTS_APPEND")));

        assertThat(options).containsAll(ChildJvm.SERVICE_OPTIONS)
                .contains("-XX:SharedArchiveFile=/deployments/" + ChildJvm.APPCDS_ARCHIVE);
        assertThat(env(dockerfile, "JAVA_MAX_MEM_RATIO")).as("run-java.sh's heap sizing from the container's memory")
                .isEqualTo("0");
        assertThat(env(dockerfile, "MALLOC_ARENA_MAX")).isEqualTo("2");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldWriteTheArchiveWithTheImagesJvmFromAJarBuiltForIt(Service service) throws IOException {
        String dockerfile = dockerfile(service);

        assertThat(dockerfile).containsPattern("RUN cd /deployments && java [^\\n]*-Xmx256m [^\\n]*-XX:ArchiveClassesAtExit="
                + ChildJvm.APPCDS_ARCHIVE + " -Dquarkus.appcds.generate=true -jar /deployments/quarkus-run.jar");
        assertThat(Files.readString(ROOT.resolve(service.module()).resolve("src/main/resources/application.properties")))
                .as("the build that adds the step which stops the application for -Dquarkus.appcds.generate")
                .containsPattern("(?m)^quarkus\\.package\\.jar\\.appcds\\.enabled=true$");
    }

    /** The Dockerfile with its continued lines joined. */
    private static String dockerfile(Service service) throws IOException {
        return Files.readString(ROOT.resolve(service.module()).resolve("src/main/docker/Dockerfile.jvm"))
                .replaceAll("\\\\\\n\\s*", "");
    }

    private static String env(String dockerfile, String name) {
        Matcher env = Pattern.compile("(?m)^ENV " + name + "=\"?([^\"\\n]*)\"?$").matcher(dockerfile);
        assertThat(env.find()).as("ENV %s in the Dockerfile", name).isTrue();
        return env.group(1);
    }

    private static List<String> words(String value) {
        return List.of(value.trim().split("\\s+"));
    }
}
