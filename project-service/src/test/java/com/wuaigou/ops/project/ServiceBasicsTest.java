package com.wuaigou.ops.project;

import com.wuaigou.ops.local.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String anyApiPath() {
        return "/api/v1/projects";
    }
}
