package com.wuaigou.ops.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: what every service writes to Kafka.
 *
 * @param data the event's payload; its shape is fixed by {@code type}, whose last part is the version. The outbox
 *             writes it as the payload object itself, a reader gets it as a JSON tree
 * @param <D>  the payload's type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<D>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        D data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
}
