package com.wuaigou.ops.personnel.domain;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * The time windows the plan's rosters need covered every day, with how many people each takes. The store's day is cut
 * at lunch (08:00-12:00, 13:00-17:00) so the two shifts match the hotline's 08:00-17:00 working day.
 */
public enum DutySlot {
    STORE_MORNING(DutyPlace.OFFLINE_STORE, "AM", LocalTime.of(8, 0), LocalTime.of(12, 0), 1),
    STORE_AFTERNOON(DutyPlace.OFFLINE_STORE, "PM", LocalTime.of(13, 0), LocalTime.of(17, 0), 1),
    HOTLINE_DAY(DutyPlace.HOTLINE, "DAY", LocalTime.of(8, 0), LocalTime.of(17, 0), 1);

    private final DutyPlace place;
    private final String code;
    private final LocalTime start;
    private final LocalTime end;
    private final int capacity;

    DutySlot(DutyPlace place, String code, LocalTime start, LocalTime end, int capacity) {
        this.place = place;
        this.code = code;
        this.start = start;
        this.end = end;
        this.capacity = capacity;
    }

    public static Optional<DutySlot> of(DutyPlace place, String code) {
        return Arrays.stream(values()).filter(s -> s.place == place && s.code.equals(code)).findFirst();
    }

    public DutyPlace place() {
        return place;
    }

    public String code() {
        return code;
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }

    public int capacity() {
        return capacity;
    }
}
