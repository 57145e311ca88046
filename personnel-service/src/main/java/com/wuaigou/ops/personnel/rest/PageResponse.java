package com.wuaigou.ops.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "One page of a longer list")
public record PageResponse<T>(
        @Schema(description = "The page's items") List<T> items,
        @Schema(description = "0-based page number") int page,
        @Schema(description = "Page size asked for") int size,
        @Schema(description = "Number of items on all pages together") long total) {
}
