package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.PriceModel;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueETagTest {

    @Test
    void aTagIsWeakAndNamesTheVersionAndADigestOfTheSearch() {
        String tag = tag(42, search("Wertstoffhof"), 0, 20);

        assertTrue(tag.matches("W/\"42-[A-Za-z0-9_-]{16}\""), tag);
        assertNotEquals(tag, tag(43, search("Wertstoffhof"), 0, 20));
    }

    /**
     * The expected tags were computed outside any JVM, from the canonical form the key documents, with
     * {@code printf '%s' '<key>' | openssl dgst -sha256 -binary | head -c 12 | base64 | tr '+/' '-_' | tr -d '='}.
     * A tag from a Java hash code (identity hashes of enum constants, the unspecified hash of a record) could not
     * equal them: the same search gets the same tag on every replica, after every restart and on every JDK.
     */
    @Test
    void theTagIsTheDigestOfTheCanonicalSearchComputedIndependentlyOfTheJvm() {
        assertEquals("q=Wertstoffhof&sort=RELEVANCE&page=0&size=20", CatalogueQuery.of(search("Wertstoffhof")).key(0, 20));
        assertEquals("W/\"42-KFzjUGubV-6eg5He\"", tag(42, search("Wertstoffhof"), 0, 20));

        CatalogueFilter filter = search(" Bürgerportal Termin ");
        filter.category = ListingCategory.SECURITY;
        filter.cloudTarget = "stackit:eu01";
        filter.bsiC5 = true;
        filter.sort = CatalogueSort.NAME;
        assertEquals("q=B%C3%BCrgerportal+Termin&category=SECURITY&cloudTarget=stackit%3Aeu01&bsiC5=true&sort=NAME"
                + "&page=3&size=50", CatalogueQuery.of(filter).key(3, 50));
        assertEquals("W/\"7-1uz2MnsXCD-tH6pU\"", tag(7, filter, 3, 50));
    }

    @Test
    void theSameSearchBuiltTwiceHasTheSameTagAndEveryChangeOfItAnother() {
        List<Consumer<CatalogueFilter>> changes = List.of(
                f -> f.q = "Wertstoffhöfe",
                f -> f.category = ListingCategory.SECURITY,
                f -> f.category = ListingCategory.FINANCE,
                f -> f.cloudTarget = "stackit:eu01",
                f -> f.priceModel = PriceModel.values()[0],
                f -> f.hostedInGermany = true,
                f -> f.hostedInGermany = false,
                f -> f.bsiC5 = true,
                f -> f.gdprDpaAvailable = true,
                f -> f.bitvAccessible = true,
                f -> f.openSource = true,
                f -> f.openSource = false,
                f -> f.sort = CatalogueSort.NAME,
                f -> f.sort = CatalogueSort.NEWEST);
        String tag = tag(42, search("Wertstoffhof"), 0, 20);
        assertEquals(tag, tag(42, search("Wertstoffhof"), 0, 20));

        Set<String> tags = new HashSet<>(Set.of(tag, tag(42, search("Wertstoffhof"), 1, 20),
                tag(42, search("Wertstoffhof"), 0, 21)));
        for (Consumer<CatalogueFilter> change : changes) {
            CatalogueFilter changed = search("Wertstoffhof");
            change.accept(changed);
            tags.add(tag(42, changed, 0, 20));
        }
        assertEquals(changes.size() + 3, tags.size(), "every change of a parameter gives another tag");
    }

    @Test
    void searchesThatRunTheSameStatementShareTheirTag() {
        CatalogueFilter byName = search(null);
        byName.sort = CatalogueSort.NAME;
        // without a text RELEVANCE is ordered by name, and a blank text is no text
        assertEquals(tag(42, byName, 0, 20), tag(42, search(null), 0, 20));
        assertEquals(tag(42, byName, 0, 20), tag(42, search("  "), 0, 20));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAListOrAStar() {
        String tag = tag(42, search("Wertstoffhof"), 0, 20);
        String opaque = tag.substring(2);

        assertTrue(CatalogueETag.matches(tag, tag));
        assertTrue(CatalogueETag.matches(opaque, tag));
        assertTrue(CatalogueETag.matches("\"other\", " + tag, tag));
        assertTrue(CatalogueETag.matches("*", tag));
        assertFalse(CatalogueETag.matches(null, tag));
        assertFalse(CatalogueETag.matches(" ", tag));
        assertFalse(CatalogueETag.matches(tag(41, search("Wertstoffhof"), 0, 20), tag));
        assertFalse(CatalogueETag.matches("W/\"42\"", tag));
    }

    private static CatalogueFilter search(String q) {
        CatalogueFilter filter = new CatalogueFilter();
        filter.q = q;
        return filter;
    }

    private static String tag(long version, CatalogueFilter filter, int page, int size) {
        return CatalogueETag.of(version, CatalogueQuery.of(filter).key(page, size));
    }
}
