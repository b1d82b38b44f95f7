package de.govtech.marketplace.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueETagTest {

    static final Object SEARCH = List.of("q", "Wertstoffhof", 0, 20);

    @Test
    void aTagIsWeakAndNamesTheVersionAndTheSearch() {
        String tag = CatalogueETag.of(42, SEARCH);

        assertTrue(tag.matches("W/\"42-[0-9a-f]{8}\""), tag);
        assertEquals(tag, CatalogueETag.of(42, List.of("q", "Wertstoffhof", 0, 20)));
        assertNotEquals(tag, CatalogueETag.of(43, SEARCH));
        assertNotEquals(tag, CatalogueETag.of(42, List.of("q", "Wertstoffhof", 1, 20)));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAListOrAStar() {
        String tag = CatalogueETag.of(42, SEARCH);
        String opaque = tag.substring(2);

        assertTrue(CatalogueETag.matches(tag, tag));
        assertTrue(CatalogueETag.matches(opaque, tag));
        assertTrue(CatalogueETag.matches("\"other\", " + tag, tag));
        assertTrue(CatalogueETag.matches("*", tag));
        assertFalse(CatalogueETag.matches(null, tag));
        assertFalse(CatalogueETag.matches(" ", tag));
        assertFalse(CatalogueETag.matches(CatalogueETag.of(41, SEARCH), tag));
        assertFalse(CatalogueETag.matches("W/\"42\"", tag));
    }
}
