package com.wuaigou.ops.personnel;

import com.wuaigou.ops.local.IdempotencyContract;
import io.quarkus.test.junit.QuarkusTest;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static com.wuaigou.ops.personnel.TestRoster.ADMIN;
import static com.wuaigou.ops.personnel.TestRoster.DIRECTOR;
import static com.wuaigou.ops.personnel.TestRoster.newGroup;
import static com.wuaigou.ops.personnel.TestRoster.newPerson;
import static com.wuaigou.ops.personnel.TestRoster.unique;

/** personnel-service's creating POSTs under the Idempotency-Key contract, in a group of their own. */
@QuarkusTest
class IdempotencyTest extends IdempotencyContract {

    private static final String IMPORT_HEADER = "employeeNumber,name,groupCode,postCode,groupRole,hireDate,status,"
            + "statusSince,developmentDirection,phone,qq,email\n";
    /** Each shift on a week of its own, far in the future, so that no two share a slot. */
    private final AtomicInteger weeks = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 20_000));

    @Override
    protected List<Creation> creations() {
        String group = newGroup();
        return List.of(
                new Creation("POST /api/v1/groups", "staff_group", () -> Request.json(ADMIN, "/api/v1/groups", """
                        {"code":"%s","nameZh":"测试组","nameEn":"Test group","core":false}""".formatted(unique("T")))),
                new Creation("POST /api/v1/posts", "post", () -> Request.json(ADMIN, "/api/v1/posts", """
                        {"code":"%s","title":"Tester","groupCode":"%s","primaryDuties":["Test things"],"secondaryDuties":[]}"""
                        .formatted(unique(group + "-"), group))),
                new Creation("POST /api/v1/staff", "staff", () -> Request.json(DIRECTOR, "/api/v1/staff", """
                        {"employeeNumber":"%s","name":"%s","groupCode":"%s","postCode":"%s-P","groupRole":"MEMBER",
                         "hireDate":"2025-01-01"}""".formatted(unique("E-"), unique("Person "), group, group))),
                new Creation("POST /api/v1/staff/import", "staff", () -> new Request(DIRECTOR, "/api/v1/staff/import",
                        "text/csv", IMPORT_HEADER + unique("I-") + ",Imported Member," + group + "," + group
                        + "-P,MEMBER,2024-05-06,,,,,,\n")),
                new Creation("POST /api/v1/shifts", "duty_shift", () -> Request.json(DIRECTOR, "/api/v1/shifts", """
                        {"date":"%s","place":"OFFLINE_STORE","slot":"AM","staffId":%d}"""
                        .formatted(nextMonday(), newPerson(group, "MEMBER")))),
                new Creation("POST /api/v1/shifts/rota", "duty_shift", () -> {
                    LocalDate monday = nextMonday();
                    return Request.json(DIRECTOR, "/api/v1/shifts/rota", """
                            {"weekStart":"%s","shifts":[{"date":"%s","place":"OFFLINE_STORE","slot":"PM","staffId":%d}]}"""
                            .formatted(monday, monday, newPerson(group, "MEMBER")));
                }));
    }

    private LocalDate nextMonday() {
        return LocalDate.of(2030, 1, 7).plusWeeks(weeks.incrementAndGet());
    }
}
