package com.wuaigou.ops.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: what every service writes to Kafka.
 *
 * @param data the event's payload; its shape is fixed by {@code type}, whose last part is the version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "CloudEvents 1.0 envelope (structured JSON mode) carried by every Kafka record.")
public record CloudEvent(
        @Schema(description = "Always 1.0") String specversion,
        @Schema(description = "Unique event id; consumers de-duplicate on it") String id,
        @Schema(description = "Producing service, for example /ops/personnel-service") String source,
        @Schema(description = "Versioned event type, for example ops.personnel.staff.changed.v1") String type,
        @Schema(description = "Aggregate the event is about, for example staff/12") String subject,
        @Schema(description = "When the change was committed") OffsetDateTime time,
        @Schema(description = "Always application/json") String datacontenttype,
        @Schema(description = "The event's payload") JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
}
