package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.PriceModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CatalogueGroupsTest {

    static final CatalogueGroups GROUPS = new CatalogueGroups(7, List.of(
            new CatalogueGroups.Group("SECURITY", List.of("stackit:eu01", "ionos:de-fra"), List.of("FREE", "MONTHLY_FLAT"),
                    true, true, true, false, false, 3),
            new CatalogueGroups.Group("SECURITY", List.of("delos:de"), List.of(), false, false, true, true, true, 1),
            new CatalogueGroups.Group("ADMINISTRATION", List.of("stackit:eu01"), List.of("FREE"),
                    true, false, false, true, false, 2)));

    @Test
    void withoutRestrictionsTheCountsAreThoseOfTheSearchStatementsGroupedRows() {
        // the statement groups by category, cloud targets and price models only, and counts each flag per group
        FacetTally statement = new FacetTally();
        statement.add("SECURITY", List.of("stackit:eu01", "ionos:de-fra"), List.of("FREE", "MONTHLY_FLAT"), 3, 3, 3, 3, 0, 0);
        statement.add("SECURITY", List.of("delos:de"), List.of(), 1, 0, 0, 1, 1, 1);
        statement.add("ADMINISTRATION", List.of("stackit:eu01"), List.of("FREE"), 2, 2, 0, 0, 2, 0);

        FacetTally groups = GROUPS.tally(new CatalogueFilter());

        assertEquals(statement.total(), groups.total());
        assertEquals(statement.facets(), groups.facets());
        assertEquals(Map.of("hostedInGermany", 5L, "bsiC5", 3L, "gdprDpaAvailable", 4L, "bitvAccessible", 3L,
                "openSource", 1L), groups.facets().compliance());
    }

    @Test
    void eachRestrictionKeepsOnlyTheGroupsThatPassIt() {
        assertEquals(4, total(f -> f.category = ListingCategory.SECURITY));
        assertEquals(5, total(f -> f.cloudTarget = "stackit:eu01"));
        assertEquals(0, total(f -> f.cloudTarget = "stackit"));
        assertEquals(3, total(f -> f.priceModel = PriceModel.MONTHLY_FLAT));
        assertEquals(0, total(f -> f.priceModel = PriceModel.PER_INHABITANT_PER_YEAR));
        assertEquals(5, total(f -> f.hostedInGermany = true));
        assertEquals(1, total(f -> f.hostedInGermany = false));
        assertEquals(3, total(f -> f.bsiC5 = true));
        assertEquals(2, total(f -> f.gdprDpaAvailable = false));
        assertEquals(3, total(f -> f.bitvAccessible = true));
        assertEquals(5, total(f -> f.openSource = false));
        assertEquals(2, total(f -> {
            f.category = ListingCategory.ADMINISTRATION;
            f.cloudTarget = "stackit:eu01";
            f.hostedInGermany = true;
        }));
        assertEquals(0, total(f -> {
            f.category = ListingCategory.ADMINISTRATION;
            f.bsiC5 = true;
        }));
    }

    @Test
    void theFacetsAreThoseOfTheAppsThatPassAndTheSortAndTextAreNotLookedAt() {
        FacetTally tally = GROUPS.tally(filter(f -> {
            f.cloudTarget = "stackit:eu01";
            f.sort = CatalogueSort.NEWEST;
        }));

        assertEquals(5, tally.total());
        assertEquals(Map.of("ionos:de-fra", 3L, "stackit:eu01", 5L), tally.facets().cloudTargets());
        assertEquals(Map.of("ADMINISTRATION", 2L, "SECURITY", 3L), tally.facets().categories());
        assertEquals(0, new CatalogueGroups(8, List.of()).tally(new CatalogueFilter()).total());
    }

    private static long total(Consumer<CatalogueFilter> restrict) {
        return GROUPS.tally(filter(restrict)).total();
    }

    private static CatalogueFilter filter(Consumer<CatalogueFilter> restrict) {
        CatalogueFilter filter = new CatalogueFilter();
        restrict.accept(filter);
        return filter;
    }
}
