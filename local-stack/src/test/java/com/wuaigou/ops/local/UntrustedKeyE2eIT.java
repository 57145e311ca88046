package com.wuaigou.ops.local;

import com.wuaigou.ops.local.LocalSystem.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packaged service trusts no token issuer by default: started without one, as a deployment that forgot it would be,
 * it stops before it touches a database and says which settings are missing. Nothing else needs to run.
 */
class UntrustedKeyE2eIT {

    private static final Path LOGS = Path.of("target", "e2e", "logs").toAbsolutePath();

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldRefuseToStartWithoutTheIssuersKeyAndNameTheMissingSettings(Service service) throws Exception {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(service.module() + "-without-key.log");
        ProcessBuilder builder = ChildJvm.service(service.app(LocalStack.projectRoot()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MP_JWT_"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:9/never-reached");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");

        Process process = builder.start();
        boolean exited = process.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(exited).as("%s stopped by itself; see %s", service.module(), log).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log))
                .contains("mp.jwt.verify.publickey.location is required")
                .contains("mp.jwt.verify.issuer is required")
                .doesNotContain("Flyway");
    }
}
