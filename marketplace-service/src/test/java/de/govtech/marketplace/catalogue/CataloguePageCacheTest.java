package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.listings.ListingCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CataloguePageCacheTest {

    private static final long ROOMY = 1L << 20;

    @Test
    void aPageIsAnsweredAgainOnlyAtTheVersionItWasKeptFor() {
        CataloguePageCache cache = new CataloguePageCache(ROOMY);
        CataloguePage page = page("Wertstoffhof Planer");
        cache.put(7, "q=Wertstoffhof", page);

        assertSame(page, cache.get(7, "q=Wertstoffhof"));
        assertNull(cache.get(7, "q=Termin"));
        assertNull(cache.get(8, "q=Wertstoffhof"), "a later version never gets a page kept before it");
        assertNull(cache.get(6, "q=Wertstoffhof"));
    }

    @Test
    void theFirstPageOfALaterVersionDropsThePagesOfTheEarlierOnes() {
        CataloguePageCache cache = new CataloguePageCache(ROOMY);
        cache.put(7, "a", page("A"));
        cache.put(7, "b", page("B"));
        CataloguePage later = page("A, neu");
        cache.put(8, "a", later);

        assertEquals(1, cache.size());
        assertSame(later, cache.get(8, "a"));
        assertNull(cache.get(7, "b"));
    }

    @Test
    void aPageOfAnEarlierVersionThanTheKeptOnesIsNotKept() {
        CataloguePageCache cache = new CataloguePageCache(ROOMY);
        cache.put(8, "a", page("A, neu"));
        // a search that read version 7 before the change and finished after a reader of version 8 kept its page
        cache.put(7, "b", page("B"));

        assertNull(cache.get(7, "b"));
        assertEquals(1, cache.size());
    }

    @Test
    void thePagesStayWithinTheBoundAndAPageLargerThanTheBoundIsNotKept() {
        long onePage = CataloguePageCache.bytes(page("A"));
        CataloguePageCache cache = new CataloguePageCache(2 * onePage);
        cache.put(1, "a", page("A"));
        cache.put(1, "b", page("B"));
        assertEquals(2, cache.size());

        cache.put(1, "c", page("C"));
        assertEquals(2, cache.size(), "two of the three pages are kept: all three would pass the bound");

        cache.put(1, "big", new CataloguePage(List.of(app("X".repeat((int) onePage))), 0, 20, 1, facets()));
        assertNull(cache.get(1, "big"));
        assertEquals(2, cache.size());
    }

    @Test
    void aPageAskedForOftenStaysWhileAWideMixOfSearchesPassesThrough() {
        CataloguePageCache cache = new CataloguePageCache(10 * CataloguePageCache.bytes(page("A")));
        for (int i = 0; i < 10; i++) {
            cache.put(1, "q=earlier" + i, page("Earlier " + i));
        }
        // Caffeine counts how often a key is asked for once the cache is half full
        CataloguePage popular = page("Abfallkalender");
        cache.put(1, "q=Abfall", popular);
        for (int i = 0; i < 3; i++) {
            cache.get(1, "q=Abfall");
        }
        for (int i = 0; i < 100; i++) {
            if (i % 10 == 0) {
                assertSame(popular, cache.get(1, "q=Abfall"), "still kept after " + i + " other searches");
            }
            cache.put(1, "q=other" + i, page("Other " + i));
        }
        assertSame(popular, cache.get(1, "q=Abfall"));
        assertTrue(cache.size() <= 10, "within the bound: " + cache.size());
    }

    @Test
    void aBoundOfZeroKeepsNothing() {
        CataloguePageCache cache = new CataloguePageCache(0);
        cache.put(1, "a", page("A"));
        assertNull(cache.get(1, "a"));
    }

    private static CataloguePage page(String name) {
        return new CataloguePage(List.of(app(name)), 0, 20, 1, facets());
    }

    private static CatalogueFacets facets() {
        return new CatalogueFacets(Map.of("ADMINISTRATION", 1L), Map.of(), Map.of(), Map.of());
    }

    private static CatalogueApp app(String name) {
        return new CatalogueApp(UUID.randomUUID(), "slug", UUID.randomUUID(), "Anbieter", name, "Kurz", "Lang",
                ListingCategory.ADMINISTRATION, List.of(), List.of(), null, List.of("stackit:eu01"),
                "https://docs.example.de", "https://support.example.de", 1, Instant.parse("2026-06-01T10:00:00Z"));
    }
}
