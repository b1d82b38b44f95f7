package de.govtech.platform.support.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the 0-based page number, the page size and how many items all pages hold. */
@Schema(description = "One page of a list")
public record Page<T>(
        List<T> items,
        @Schema(description = "0-based page number", examples = "0") int page,
        @Schema(description = "page size", examples = "20") int size,
        @Schema(description = "number of items on all pages that the caller may see", examples = "42") long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
