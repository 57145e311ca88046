package com.wuaigou.ops.project.service;

/** A result of a change together with the project's version after it, for the {@code ETag} of the answer. */
public record Versioned<T>(T value, long projectVersion) {
}
