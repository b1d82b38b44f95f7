package de.govtech.marketplace.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FacetTallyTest {

    @Test
    void groupsAddUpPerFacetValueAndAnAppCountsOncePerValueItHas() {
        FacetTally tally = new FacetTally();
        tally.add("SECURITY", List.of("stackit:eu01", "ionos:de-fra"), List.of("FREE", "MONTHLY_FLAT"), 3, 3, 1, 3, 0, 2);
        tally.add("ADMINISTRATION", List.of("stackit:eu01"), List.of("FREE"), 2, 0, 2, 2, 1, 0);
        tally.add("SECURITY", List.of("delos:de"), List.of(), 1, 1, 0, 0, 0, 0);

        CatalogueFacets facets = tally.facets();

        assertEquals(6, tally.total());
        assertEquals(Map.of("ADMINISTRATION", 2L, "SECURITY", 4L), facets.categories());
        assertEquals(Map.of("delos:de", 1L, "ionos:de-fra", 3L, "stackit:eu01", 5L), facets.cloudTargets());
        assertEquals(Map.of("FREE", 5L, "MONTHLY_FLAT", 3L), facets.priceModels());
        assertEquals(Map.of("hostedInGermany", 4L, "bsiC5", 3L, "gdprDpaAvailable", 5L, "bitvAccessible", 1L,
                "openSource", 2L), facets.compliance());
    }

    @Test
    void valuesAreSortedAndEveryComplianceFlagIsPresentEvenWithoutMatches() {
        FacetTally tally = new FacetTally();
        tally.add("SECURITY", List.of("stackit:eu01"), List.of("MONTHLY_FLAT"), 1, 0, 0, 0, 0, 0);
        tally.add("ADMINISTRATION", List.of("delos:de"), List.of("FREE"), 1, 0, 0, 0, 0, 0);

        CatalogueFacets facets = tally.facets();
        assertEquals(List.of("ADMINISTRATION", "SECURITY"), List.copyOf(facets.categories().keySet()));
        assertEquals(List.of("delos:de", "stackit:eu01"), List.copyOf(facets.cloudTargets().keySet()));
        assertEquals(FacetTally.COMPLIANCE, List.copyOf(new FacetTally().facets().compliance().keySet()));
        assertEquals(0, new FacetTally().total());
    }

    @Test
    void aGroupWithoutAllComplianceCountsIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new FacetTally().add("SECURITY", List.of(), List.of(), 1, 1));
    }
}
