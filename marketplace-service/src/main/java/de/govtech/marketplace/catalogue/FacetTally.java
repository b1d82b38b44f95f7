package de.govtech.marketplace.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up the grouped facet rows of a search (apps per combination of category, cloud targets and price models,
 * with their compliance counts) into the total and the count per facet value. An app counts once per value it has:
 * an app with two cloud targets counts for both. Plain Java, unit-tested without a database.
 */
final class FacetTally {

    /** The compliance facet keys in the order the API has always answered them. */
    static final List<String> COMPLIANCE = List.of("hostedInGermany", "bsiC5", "gdprDpaAvailable", "bitvAccessible", "openSource");

    private long total;
    private final Map<String, Long> categories = new TreeMap<>();
    private final Map<String, Long> cloudTargets = new TreeMap<>();
    private final Map<String, Long> priceModels = new TreeMap<>();
    private final long[] compliance = new long[COMPLIANCE.size()];

    /**
     * One group of matching apps.
     *
     * @param complianceCounts apps of the group with each flag, in the order of {@link #COMPLIANCE}
     */
    void add(String category, List<String> groupCloudTargets, List<String> groupPriceModels, long apps,
             long... complianceCounts) {
        if (complianceCounts.length != compliance.length) {
            throw new IllegalArgumentException("expected " + compliance.length + " compliance counts");
        }
        total += apps;
        if (category != null) {
            categories.merge(category, apps, Long::sum);
        }
        groupCloudTargets.forEach(target -> cloudTargets.merge(target, apps, Long::sum));
        groupPriceModels.forEach(model -> priceModels.merge(model, apps, Long::sum));
        for (int i = 0; i < compliance.length; i++) {
            compliance[i] += complianceCounts[i];
        }
    }

    long total() {
        return total;
    }

    /** Value counts sorted by value; every compliance flag is present, 0 if no match has it. */
    CatalogueFacets facets() {
        Map<String, Long> flags = new LinkedHashMap<>();
        for (int i = 0; i < compliance.length; i++) {
            flags.put(COMPLIANCE.get(i), compliance[i]);
        }
        return new CatalogueFacets(new LinkedHashMap<>(categories), new LinkedHashMap<>(cloudTargets),
                new LinkedHashMap<>(priceModels), flags);
    }
}
