package com.wuaigou.ops.common.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: the one page type of every service's API. */
@Schema(description = "One page of a longer list")
public record PageResponse<T>(
        @Schema(description = "The page's items") List<T> items,
        @Schema(description = "0-based page number") int page,
        @Schema(description = "Page size asked for") int size,
        @Schema(description = "Number of items on all pages together") long total) {

    /** The page of {@code found}, each item shown as {@code view} shows it. */
    public static <E, T> PageResponse<T> of(List<E> found, Function<? super E, T> view, int page, int size, long total) {
        return new PageResponse<>(found.stream().<T>map(view).toList(), page, size, total);
    }
}
