package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.common.problem.Problem;

/** Shared pieces of the resources' declarations. */
final class ApiDocs {

    static final String PROBLEM = Problem.MEDIA_TYPE;

    private ApiDocs() {
    }
}
