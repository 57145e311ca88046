package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.roster.RosterConsumer;
import com.wuaigou.ops.local.DevTokens;
import com.wuaigou.ops.local.IdempotencyContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** quota-service's creating POSTs under the Idempotency-Key contract, each in a group of its own. */
@QuarkusTest
class IdempotencyTest extends IdempotencyContract {

    private static final String CATALOG_HEADER = "group,code,category,name_zh,name_en,shape,target_min,target_max,unit,"
            + "period,std_minutes,crew_min,crew_max,slots,notes";
    private static final String ADMIN = DevTokens.mint(Fixture.ADMIN, "admin");

    @Inject
    RosterConsumer roster;

    private final AtomicInteger sequence = new AtomicInteger();

    @Override
    protected List<Creation> creations() {
        Fixture world = new Fixture(roster);
        String daily = world.countItem("DAILY", "1", "1", "DAY");
        String manager = DevTokens.mint(world.manager, "manager");
        String anna = DevTokens.mint(world.anna, "staff");
        return List.of(
                new Creation("POST /api/v1/quota-items", "quota_item", () -> Request.json(ADMIN, "/api/v1/quota-items", """
                        {"groupCode":"%s","code":"%s","category":"test","nameZh":"测试","nameEn":"Test","shape":"COUNT",
                         "targetMin":1,"period":"DAY","unit":"post","effectiveFrom":"2020-01-01"}"""
                        .formatted(world.group, nextCode(world)))),
                new Creation("POST /api/v1/quota-items/import", "quota_item", () -> new Request(ADMIN,
                        "/api/v1/quota-items/import", "text/csv", CATALOG_HEADER + "\n" + world.group + "," + nextCode(world)
                        + ",test,导入,Imported,COUNT,3,5,post,WEEK,,,,,\n")),
                new Creation("POST /api/v1/assignments", "assignment", () -> {
                    long member = Fixture.nextId();
                    world.staff(member, world.group, "MEMBER", "ACTIVE", 1);
                    return Request.json(manager, "/api/v1/assignments", """
                            {"itemCode":"%s","staffId":%d,"duty":"PRIMARY","validFrom":"2025-01-01"}"""
                            .formatted(daily, member));
                }),
                new Creation("POST /api/v1/period-locks", "period_lock", () -> Request.json(manager, "/api/v1/period-locks", """
                        {"groupCode":"%s","window":"DAY","date":"%s"}"""
                        .formatted(world.group, LocalDate.of(2024, 1, 1).plusDays(sequence.incrementAndGet())))),
                new Creation("POST /api/v1/work-logs", "work_log", () -> Request.json(anna, "/api/v1/work-logs", """
                        {"itemCode":"%s","workDate":"2025-02-03","quantity":%d}"""
                        .formatted(daily, sequence.incrementAndGet()))));
    }

    private String nextCode(Fixture world) {
        return world.group + "-IDEM-" + sequence.incrementAndGet();
    }
}
