package com.wuaigou.ops.quota.rest;

import com.wuaigou.ops.local.ApiRobustnessContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiRobustnessTest extends ApiRobustnessContract {
}
