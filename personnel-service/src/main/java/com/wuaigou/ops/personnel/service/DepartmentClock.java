package com.wuaigou.ops.personnel.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Today and now as the department counts them: its days are Asia/Shanghai days. */
@ApplicationScoped
public class DepartmentClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
