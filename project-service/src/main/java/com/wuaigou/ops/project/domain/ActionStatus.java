package com.wuaigou.ops.project.domain;

/** An action is open until it is done or explicitly dropped with a reason. */
public enum ActionStatus {
    OPEN, DONE, DROPPED
}
