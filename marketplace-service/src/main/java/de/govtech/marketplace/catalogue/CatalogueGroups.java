package de.govtech.marketplace.catalogue;

import java.util.List;

/**
 * The published apps of one catalogue version counted per combination of every value a search without a text can
 * filter on (category, cloud targets, price models, the compliance flags). There are a few hundred combinations at
 * most, however many apps there are, so the total and the facets of any filter are added up from these counts
 * instead of visiting every matching app. Plain Java, unit-tested without Quarkus.
 *
 * @param version the catalogue version (V12) the counts were read at, in the same statement
 */
record CatalogueGroups(long version, List<Group> groups) {

    CatalogueGroups {
        groups = List.copyOf(groups);
    }

    /** {@code apps} published apps with exactly these values. */
    record Group(String category, List<String> cloudTargets, List<String> priceModels, boolean hostedInGermany,
                 boolean bsiC5, boolean gdprDpaAvailable, boolean bitvAccessible, boolean openSource, long apps) {

        Group {
            cloudTargets = List.copyOf(cloudTargets);
            priceModels = List.copyOf(priceModels);
        }

        /** Whether these apps pass the filter's restrictions (its text aside), as the search statement decides. */
        boolean matches(CatalogueFilter filter) {
            return (filter.category == null || filter.category.name().equals(category))
                    && (filter.cloudTarget == null || cloudTargets.contains(filter.cloudTarget))
                    && (filter.priceModel == null || priceModels.contains(filter.priceModel.name()))
                    && passes(filter.hostedInGermany, hostedInGermany)
                    && passes(filter.bsiC5, bsiC5)
                    && passes(filter.gdprDpaAvailable, gdprDpaAvailable)
                    && passes(filter.bitvAccessible, bitvAccessible)
                    && passes(filter.openSource, openSource);
        }

        private static boolean passes(Boolean wanted, boolean value) {
            return wanted == null || wanted == value;
        }
    }

    /** The total and the facets of the apps that pass the filter (its text is not looked at). */
    FacetTally tally(CatalogueFilter filter) {
        FacetTally tally = new FacetTally();
        for (Group group : groups) {
            if (group.matches(filter)) {
                long apps = group.apps();
                tally.add(group.category(), group.cloudTargets(), group.priceModels(), apps,
                        group.hostedInGermany() ? apps : 0, group.bsiC5() ? apps : 0,
                        group.gdprDpaAvailable() ? apps : 0, group.bitvAccessible() ? apps : 0,
                        group.openSource() ? apps : 0);
            }
        }
        return tally;
    }
}
