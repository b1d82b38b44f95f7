package de.govtech.membership.municipalities;

import de.govtech.platform.events.membership.MunicipalityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeeRelevantDataTest {

    private static final FeeRelevantData STORED =
            new FeeRelevantData(4711, MunicipalityType.GEMEINDE, "08999102", "08", "089990102102");

    @Test
    void populationTypeKeyAndLandAreFeeRelevant() {
        FeeRelevantData proposed = new FeeRelevantData(5210, MunicipalityType.STADT, "08999103", "08", "089990103103");
        assertEquals(List.of(new FieldChange("population", "4711", "5210"), new FieldChange("type", "GEMEINDE", "STADT"),
                new FieldChange("officialKey", "08999102", "08999103")), STORED.feeChanges(proposed));
        assertEquals(4, STORED.changesTo(proposed).size(), "the ARS goes with the key");
    }

    @Test
    void theArsAloneOrNothingChangedIsNoFeeChange() {
        assertEquals(List.of(), STORED.feeChanges(STORED));
        FeeRelevantData otherArs = new FeeRelevantData(4711, MunicipalityType.GEMEINDE, "08999102", "08", null);
        assertEquals(List.of(), STORED.feeChanges(otherArs));
        assertEquals(List.of(new FieldChange("ars", "089990102102", null)), STORED.changesTo(otherArs));
    }

    @Test
    void removingThePopulationIsAChange() {
        FeeRelevantData withoutPopulation = new FeeRelevantData(null, MunicipalityType.GEMEINDE, "08999102", "08", "089990102102");
        assertEquals(List.of(new FieldChange("population", "4711", null)), STORED.feeChanges(withoutPopulation));
    }
}
