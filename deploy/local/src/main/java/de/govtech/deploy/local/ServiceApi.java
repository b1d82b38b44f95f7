package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;

/** One service's REST API through the gateway (e.g. {@code /api/v1/marketplace}), as seeding demo data needs it. */
interface ServiceApi {

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
     * One call. {@code path} is relative to the service's root, e.g. {@code /vendors} under {@code /api/v1/marketplace}; {@code token} null
     * = anonymous; {@code body} null = none.
     */
    Answer call(String method, String path, String token, JsonNode body);

    /**
     * One call with a body that is not JSON (e.g. a publiccode.yml as {@code application/yaml}); an API that speaks
     * only JSON (a test double) refuses.
     */
    default Answer upload(String method, String path, String token, String contentType, String body) {
        throw new UnsupportedOperationException("this API takes JSON bodies only");
    }
}
