package com.wuaigou.ops.personnel.domain;

/** Where a duty shift is served. */
public enum DutyPlace {
    /** The offline experience store: a morning and an afternoon shift, one person each. */
    OFFLINE_STORE,
    /** The customer-service QQ and 400 hotline, watched from 08:00 to 17:00. */
    HOTLINE
}
