package de.govtech.membership.municipalities;

import de.govtech.platform.events.membership.MunicipalityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The master data a municipality's fee depends on: population, type of authority, official key and Land (the ARS
 * goes with the official key). Only the association changes it: a municipality admin's change becomes a change request.
 */
public record FeeRelevantData(Integer population, MunicipalityType type, String officialKey, String land, String ars) {

    public static FeeRelevantData of(Municipality municipality) {
        return new FeeRelevantData(municipality.population, municipality.type, municipality.officialKey, municipality.land,
                municipality.ars);
    }

    public static FeeRelevantData of(MunicipalityRequest request) {
        return new FeeRelevantData(request.population(), request.type(), request.officialKey(), request.land(), request.ars());
    }

    /** The fee-relevant fields (population, type, officialKey, land) that differ in {@code proposed}. */
    public List<FieldChange> feeChanges(FeeRelevantData proposed) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "population", population, proposed.population);
        add(changes, "type", type, proposed.type);
        add(changes, "officialKey", officialKey, proposed.officialKey);
        add(changes, "land", land, proposed.land);
        return changes;
    }

    /** Every field that differs in {@code proposed}, the ARS included. */
    public List<FieldChange> changesTo(FeeRelevantData proposed) {
        List<FieldChange> changes = feeChanges(proposed);
        add(changes, "ars", ars, proposed.ars);
        return changes;
    }

    void applyTo(Municipality municipality) {
        municipality.population = population;
        municipality.type = type;
        municipality.officialKey = officialKey;
        municipality.land = land;
        municipality.ars = ars;
    }

    private static void add(List<FieldChange> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(new FieldChange(field, from == null ? null : from.toString(), to == null ? null : to.toString()));
        }
    }
}
