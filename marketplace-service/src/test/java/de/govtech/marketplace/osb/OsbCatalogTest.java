package de.govtech.marketplace.osb;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsbCatalogTest {

    private static final String JSON = """
            {"services": [
              {"id": "s-other", "name": "other-app", "plans": [{"id": "p-x", "name": "standard"}]},
              {"id": "s-1", "name": "buergerportal-plus", "plans": [
                {"id": "p-1", "name": "basis"},
                {"id": "p-2", "name": "standard", "maximum_polling_duration": 900}
              ]}
            ]}""";

    @Test
    void theServiceIsTheListingSlugAndThePlanItsNameIgnoringCase() throws Exception {
        OsbCatalog catalog = OsbCatalog.parse(new ObjectMapper().readTree(JSON));
        OsbCatalog.Resolved resolved = catalog.resolve("buergerportal-plus", "Standard").orElseThrow();
        assertEquals("s-1", resolved.service().id());
        assertEquals("p-2", resolved.plan().id());
        assertEquals(900, resolved.plan().maximumPollingDurationSeconds());
        assertNull(catalog.resolve("buergerportal-plus", "BASIS").orElseThrow().plan().maximumPollingDurationSeconds());
        assertTrue(catalog.resolve("buergerportal-plus", "Gold").isEmpty());
        assertTrue(catalog.resolve("Buergerportal-Plus", "basis").isEmpty(), "the slug matches exactly");
        assertTrue(catalog.hasService("buergerportal-plus"));
        assertFalse(catalog.hasService("unknown"));
    }

    @Test
    void anEmptyOrBrokenCatalogResolvesNothing() throws Exception {
        assertTrue(OsbCatalog.parse(new ObjectMapper().readTree("{}")).resolve("a", "b").isEmpty());
        assertTrue(OsbCatalog.parse(new ObjectMapper().readTree("{\"services\": [{\"name\": \"a\", \"plans\": [{\"name\": \"b\"}]}]}"))
                .resolve("a", "b").isEmpty(), "entries without ids are unusable");
    }

    @Test
    void retryAfterIsReadInSeconds() {
        assertEquals(java.time.Duration.ofSeconds(3), OsbClient.retryAfter(" 3 ").orElseThrow());
        assertTrue(OsbClient.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT").isEmpty());
        assertTrue(OsbClient.retryAfter("-1").isEmpty());
    }
}
