package com.wuaigou.ops.local;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * The concurrency convention every versioned resource of every service follows (README, "Concurrent changes"): a read
 * carries the version as a strong ETag; a change without If-Match is refused with 428, with a stale one with 412
 * naming the current ETag, and changes nothing either way; a change with the current ETag applies and answers with the
 * next one.
 */
public final class ConcurrencyConvention {

    private static final String PROBLEM = "application/problem+json";

    private ConcurrencyConvention() {
    }

    /**
     * Reads {@code resource} as {@code caller}, then sends {@code change} without If-Match, with the ETag read, and
     * again with that (now stale) ETag; {@code name} is how a problem names the resource, for example "Group PB".
     */
    public static void assertFollowed(Supplier<RequestSpecification> caller, String resource, String name,
                                      Function<RequestSpecification, Response> change) {
        Response read = caller.get().get(resource);
        read.then().statusCode(200);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.jsonPath().getLong("version") + "\"");

        change.apply(caller.get()).then().statusCode(428).contentType(PROBLEM)
                .body("type", endsWith("/precondition-required"))
                .body("errors[0].field", equalTo("If-Match"));
        assertThat(caller.get().get(resource).asString()).as("unchanged after 428").isEqualTo(read.asString());

        Response applied = change.apply(caller.get().header("If-Match", etag));
        applied.then().statusCode(200);
        String next = applied.header("ETag");
        assertThat(next).isNotEqualTo(etag).isEqualTo("\"" + applied.jsonPath().getLong("version") + "\"");
        String afterChange = caller.get().get(resource).then().header("ETag", next).extract().asString();

        change.apply(caller.get().header("If-Match", etag)).then().statusCode(412).contentType(PROBLEM)
                .body("type", endsWith("/stale-version"))
                .body("detail", equalTo(name + " is at ETag " + next + ", not " + etag
                        + " (If-Match); read it again and retry"))
                .body("errors[0].field", equalTo("If-Match"));
        assertThat(caller.get().get(resource).asString()).as("unchanged after 412").isEqualTo(afterChange);
    }
}
