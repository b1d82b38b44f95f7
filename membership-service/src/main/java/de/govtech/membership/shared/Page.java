package de.govtech.membership.shared;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list: {@code page} is 0-based, {@code total} counts all items the caller may see. */
@Schema(description = "One page of a list")
public record Page<T>(List<T> items,
                      @Schema(description = "0-based page number", examples = "0") int page,
                      @Schema(description = "page size", examples = "20") int size,
                      @Schema(description = "number of items on all pages", examples = "13") long total) {
}
