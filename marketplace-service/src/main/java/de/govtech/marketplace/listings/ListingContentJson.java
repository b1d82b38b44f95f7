package de.govtech.marketplace.listings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores {@link ListingContent} as JSON; prices stay exact decimals. */
public final class ListingContentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ListingContentJson() {
    }

    public static String write(ListingContent content) {
        try {
            return MAPPER.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("listing content cannot be written as JSON", e);
        }
    }

    public static ListingContent read(String json) {
        try {
            return MAPPER.readValue(json, ListingContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored listing content is not readable", e);
        }
    }
}
