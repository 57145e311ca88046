package com.wuaigou.ops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wuaigou.ops.local.LocalSystem.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the services' demo data put in a running system, read through their APIs with a director's token: the demo
 * roster, last month's assignments and work logs, which groups locked that month, and the projects per phase. Last
 * month is the department's (Asia/Shanghai), as the services load it.
 */
public record DemoDepartment(YearMonth month, long people, long activePeople, long assignments, long workLogs,
                             List<String> lockedGroups, Map<String, Long> projectsPerPhase) {

    public static final ZoneId DEPARTMENT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> PHASES = List.of("PLAN", "DO", "CHECK", "ACT", "CLOSED", "CANCELLED");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static YearMonth lastMonth() {
        return YearMonth.from(LocalDate.now(DEPARTMENT_ZONE)).minusMonths(1);
    }

    public static DemoDepartment read(LocalSystem system) {
        Reader api = new Reader(system, DevTokens.mint(DemoIdentities.DIRECTOR_ID, "director"));
        YearMonth month = lastMonth();
        String from = month.atDay(1).toString();
        String to = month.atEndOfMonth().toString();
        List<String> locked = new ArrayList<>();
        api.get(Service.QUOTA, "/api/v1/period-locks").forEach(lock -> {
            if (lock.path("window").asText().equals("MONTH") && lock.path("start").asText().equals(from)
                    && lock.path("active").asBoolean()) {
                locked.add(lock.path("groupCode").asText());
            }
        });
        Map<String, Long> perPhase = new LinkedHashMap<>();
        PHASES.forEach(phase -> perPhase.put(phase,
                api.get(Service.PROJECT, "/api/v1/projects?size=1&phase=" + phase).path("total").asLong()));
        return new DemoDepartment(month,
                api.get(Service.PERSONNEL, "/api/v1/staff?size=1&q=DEMO-").path("total").asLong(),
                api.get(Service.PERSONNEL, "/api/v1/staff?size=1&q=DEMO-&status=ACTIVE").path("total").asLong(),
                api.get(Service.QUOTA, "/api/v1/assignments?on=" + to).size(),
                api.get(Service.QUOTA, "/api/v1/work-logs?from=" + from + "&to=" + to).size(),
                locked.stream().sorted().toList(), perPhase);
    }

    /** A few lines for the launcher's message. */
    public String describe() {
        StringBuilder projects = new StringBuilder();
        projectsPerPhase.forEach((phase, count) -> projects.append(projects.isEmpty() ? "" : ", ")
                .append(count).append(' ').append(phase));
        return """
                Demo department    %d people (%d active), %d assignments in force, %d work logs in %s
                                   %s locked (%s): scorecards of %s show quota attainment and project credit
                                   projects: %s
                """.formatted(people, activePeople, assignments, workLogs, month,
                month, lockedGroups.isEmpty() ? "no group" : String.join(", ", lockedGroups), month, projects);
    }

    private static final class Reader {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final LocalSystem system;
        private final String token;

        Reader(LocalSystem system, String token) {
            this.system = system;
            this.token = token;
        }

        JsonNode get(Service service, String path) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.url(service) + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": "
                            + answer.body());
                }
                return JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
