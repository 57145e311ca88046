package com.wuaigou.ops.project;

import com.wuaigou.ops.local.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL and Kafka for every test in this module. */
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "project"))
public class LocalInfra {
}
