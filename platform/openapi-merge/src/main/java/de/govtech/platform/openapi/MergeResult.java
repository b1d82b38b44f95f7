package de.govtech.platform.openapi;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The merged document and what the merge changed on the way (renamed components, prefixed operationIds, dropped
 * paths), for logs and build output.
 */
public record MergeResult(ObjectNode document, List<String> notes) {

    public MergeResult {
        notes = List.copyOf(notes);
    }
}
