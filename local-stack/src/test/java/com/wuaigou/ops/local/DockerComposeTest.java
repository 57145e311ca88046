package com.wuaigou.ops.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml against what the services read (see {@link ServiceSettings}): each variable it gives a service
 * names a setting of that service, by MicroProfile Config's environment-variable rule, and each setting a packaged
 * service needs from outside gets a value that cannot be empty. And it fails closed: no token issuer is trusted by
 * default, and everything starts only once what it needs answers, and starts again when it stops.
 */
class DockerComposeTest {

    private static final Path ROOT = LocalStack.projectRoot();
    private static final String COMPOSE_TEXT = read(ROOT.resolve("docker-compose.yml"));
    private static final Map<String, Map<String, Object>> SERVICES = services(new Yaml().load(COMPOSE_TEXT));
    /** A value compose fills in: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?error}}, ... */
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{(\\w+)([^}]*)}");
    private static final Set<String> RESTART_POLICIES = Set.of("always", "unless-stopped", "on-failure");

    /** The compose services built from a module of this repository. */
    static Stream<String> applicationServices() {
        return SERVICES.keySet().stream().filter(name -> SERVICES.get(name).containsKey("build"));
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void shouldGiveAServiceOnlyVariablesThatNameOneOfItsSettings(String service) {
        Map<String, String> settings = settingsOf(service).byEnvironmentName();

        assertThat(environment(service).keySet())
                .as("variables docker-compose.yml gives %s that set none of its settings", service)
                .allSatisfy(variable -> assertThat(settings).containsKey(variable));
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void shouldSetEverySettingAPackagedServiceNeedsWithAValueThatCannotBeEmpty(String service) {
        Map<String, String> environment = environment(service);

        assertThat(settingsOf(service).requiredFromOutside()).isNotEmpty().allSatisfy(setting -> {
            String variable = ServiceSettings.environmentName(setting);
            assertThat(environment).as("%s needs %s (%s)", service, variable, setting).containsKey(variable);
            assertThat(cannotBeEmpty(environment.get(variable)))
                    .as("%s=%s for %s cannot end up empty", variable, environment.get(variable), service).isTrue();
        });
    }

    @Test
    void shouldRunEveryServiceThatHasAContainerImage() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            Set<String> withImage = modules.filter(module -> Files.exists(module.resolve("src/main/docker/Dockerfile.jvm")))
                    .map(module -> module.getFileName().toString()).collect(Collectors.toSet());

            assertThat(applicationServices()).containsExactlyInAnyOrderElementsOf(withImage);
        }
    }

    @Test
    void shouldTrustOnlyTheIssuerAndKeyTheOperatorNames() {
        applicationServices().forEach(service -> {
            Map<String, String> environment = environment(service);
            for (String variable : List.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER")) {
                assertThat(environment.get(variable)).as("%s of %s", variable, service)
                        .matches("\\$\\{\\w+:\\?[^}]+}");
            }
        });
        assertThat(COMPOSE_TEXT).doesNotContain("dev-keys", "ops-dev-jwt", DevTokens.ISSUER);
    }

    @Test
    void shouldStartAServiceOnlyOnceWhatItNeedsIsHealthyAndStartItAgainWhenItStops() {
        SERVICES.forEach((name, service) -> {
            assertThat(service.get("restart")).as("restart policy of %s", name).isIn(RESTART_POLICIES);
            assertThat(service).as("health check of %s", name).containsKey("healthcheck");
            Map<String, Map<String, Object>> dependencies = map(service.getOrDefault("depends_on", Map.of()));
            dependencies.forEach((dependency, how) -> assertThat(how.get("condition"))
                    .as("%s waits for %s", name, dependency).isEqualTo("service_healthy"));
        });
        applicationServices().forEach(name -> assertThat(map(SERVICES.get(name).get("depends_on")))
                .as("what %s waits for", name).containsOnlyKeys("postgres", "kafka"));
    }

    @Test
    void shouldCheckTheRealServersNotTheirStartingState() {
        assertThat(healthCheck("postgres")).as("pg_isready over TCP, not the init scripts' socket-only server")
                .contains("pg_isready").containsPattern("-h (localhost|127\\.0\\.0\\.1)");
        assertThat(healthCheck("kafka")).as("a TCP connection to the broker's listener").contains("/dev/tcp/localhost/9092");
        applicationServices().forEach(service -> assertThat(healthCheck(service)).as("%s is ready", service)
                .contains("/q/health/ready"));
    }

    /** A literal, or compose's {@code ${NAME:?error}} or {@code ${NAME:-default}} with a default; plain {@code ${NAME}} may be empty. */
    private static boolean cannotBeEmpty(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        Matcher interpolation = INTERPOLATION.matcher(value);
        while (interpolation.find()) {
            String rule = interpolation.group(2);
            if (!rule.startsWith(":?") && !(rule.startsWith(":-") && rule.length() > 2)) {
                return false;
            }
        }
        return true;
    }

    private static ServiceSettings settingsOf(String service) {
        Map<String, Object> build = map(SERVICES.get(service).get("build"));
        Path module = ROOT.resolve(build.get("context").toString()).normalize();
        String pom = read(module.resolve("pom.xml"));
        List<Path> libraries = pom.contains("<artifactId>ops-common</artifactId>")
                ? List.of(ROOT.resolve("ops-common")) : List.of();
        return ServiceSettings.of(module, libraries);
    }

    private static Map<String, String> environment(String service) {
        Map<String, Object> environment = map(SERVICES.get(service).getOrDefault("environment", Map.of()));
        Map<String, String> values = new TreeMap<>();
        environment.forEach((name, value) -> values.put(name, Objects.toString(value, "")));
        return values;
    }

    private static String healthCheck(String service) {
        Object test = map(SERVICES.get(service).get("healthcheck")).get("test");
        return test instanceof List<?> words ? words.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(test);
    }

    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return map(compose.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object yaml) {
        return (Map<String, V>) yaml;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
