package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;

/** The marketplace's REST API ({@code /api/v1/marketplace}) as far as seeding the demo app needs it. */
interface MarketplaceApi {

    /** An HTTP answer; {@code body} is a MissingNode when there was none or it was not JSON. */
    record Answer(int status, JsonNode body) {

        boolean is(int expected) {
            return status == expected;
        }

        /** "status 409 (vat-id-taken: Another vendor ...)" for messages. */
        String describe() {
            String type = body.path("type").asText("");
            String detail = body.path("detail").asText(body.path("title").asText(""));
            String slug = type.substring(type.lastIndexOf('/') + 1);
            return "status " + status + (slug.isEmpty() && detail.isEmpty() ? "" : " (" + slug
                    + (slug.isEmpty() || detail.isEmpty() ? "" : ": ") + detail + ")");
        }
    }

    /**
     * One call. {@code path} is relative to {@code /api/v1/marketplace} (e.g. {@code /vendors}); {@code token} null
     * = anonymous; {@code body} null = none.
     */
    Answer call(String method, String path, String token, JsonNode body);
}
