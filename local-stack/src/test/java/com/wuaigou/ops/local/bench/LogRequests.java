package com.wuaigou.ops.local.bench;

import com.wuaigou.ops.local.DevTokens;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work logs the benchmark posts. Each demo staff member of a group that has catalog items logs that group's items
 * with a target and no slot (COUNT, RATE, DURATION), one unit at a time (RATE and DURATION also with ten minutes),
 * signed with their own staff token: staff may log only their own work.
 */
final class LogRequests {

    /** One POST: the bearer token of the person whose work it is and the JSON body. */
    record Request(String token, String body) {

        HttpRequest post(String baseUrl, String idempotencyKey) {
            return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/work-logs"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    private record Person(String token, List<String> itemFields) {
    }

    private final List<Person> people;

    private LogRequests(List<Person> people) {
        this.people = people;
    }

    /** The people and items as quota-service's database has them (its roster copy and catalog). */
    static LogRequests load(Connection quota) throws SQLException {
        Map<Long, List<String>> itemsByPerson = new LinkedHashMap<>();
        try (Statement sql = quota.createStatement(); ResultSet rows = sql.executeQuery("""
                select s.id, i.code, i.shape from roster_staff s
                join quota_item i on i.group_code = s.group_code and i.retired_on is null
                where s.employee_number like 'DEMO-%' and s.status <> 'LEFT' and i.shape in ('COUNT', 'RATE', 'DURATION')
                  and exists (select 1 from quota_target t where t.item_id = i.id and t.target_min is not null)
                order by s.id, i.code""")) {
            while (rows.next()) {
                String minutes = rows.getString(3).equals("COUNT") ? "" : ",\"minutes\":10";
                itemsByPerson.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                        .add("\"itemCode\":\"%s\",\"quantity\":1%s".formatted(rows.getString(2), minutes));
            }
        }
        if (itemsByPerson.isEmpty()) {
            throw new IllegalStateException("quota-service knows no demo staff member with target-bearing items");
        }
        List<Person> people = new ArrayList<>();
        itemsByPerson.forEach((id, items) -> people.add(new Person(DevTokens.mint(id, Duration.ofHours(3), "staff"), items)));
        return new LogRequests(people);
    }

    int people() {
        return people.size();
    }

    /** The n-th log of a month: people take turns, each cycling over their items, the days spread over the month. */
    Request request(YearMonth month, long n) {
        Person person = people.get((int) (n % people.size()));
        long round = n / people.size();
        String item = person.itemFields().get((int) (round % person.itemFields().size()));
        int day = (int) ((round + n) % month.lengthOfMonth()) + 1;
        return new Request(person.token(), "{%s,\"workDate\":\"%s\",\"note\":\"bench\"}".formatted(item, month.atDay(day)));
    }

    /** The first {@code count} requests of a month as wrk's script reads them: token, tab, body. */
    Path writeFile(Path directory, YearMonth month, int count) throws IOException {
        Path file = directory.resolve("work-logs-" + month + ".tsv");
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int n = 0; n < count; n++) {
                Request request = request(month, n);
                out.write(request.token() + "\t" + request.body() + "\n");
            }
        }
        return file;
    }
}
