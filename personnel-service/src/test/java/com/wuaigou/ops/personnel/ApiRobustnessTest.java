package com.wuaigou.ops.personnel;

import com.wuaigou.ops.local.ApiRobustnessContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiRobustnessTest extends ApiRobustnessContract {
}
