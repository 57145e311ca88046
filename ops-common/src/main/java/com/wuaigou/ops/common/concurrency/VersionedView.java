package com.wuaigou.ops.common.concurrency;

/**
 * An answer that shows one versioned resource. {@link ETagResponseFilter} sends its version as the answer's
 * {@code ETag}, so every read of the resource and every answer of a change to it carries the tag to send back in
 * {@code If-Match}.
 */
public interface VersionedView {

    long version();
}
