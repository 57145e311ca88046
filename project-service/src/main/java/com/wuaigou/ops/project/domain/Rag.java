package com.wuaigou.ops.project.domain;

/** Red/amber/green status of a check-in. */
public enum Rag {
    RED, AMBER, GREEN
}
