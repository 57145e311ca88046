package com.wuaigou.ops.project.domain;

/** What a project unit is about: a campaign on the site, or a product. */
public enum ProjectType {
    ACTIVITY, PRODUCT
}
