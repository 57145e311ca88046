package com.wuaigou.ops.quota;

import com.wuaigou.ops.local.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL and Kafka for every Quarkus test of the module, started once. */
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "quota"))
public class LocalInfra {
}
