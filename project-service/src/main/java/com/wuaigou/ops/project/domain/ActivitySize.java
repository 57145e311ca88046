package com.wuaigou.ops.project.domain;

/** The plan counts large and small activities separately (3-4 large and 12 small a month). */
public enum ActivitySize {
    LARGE, SMALL
}
