package de.govtech.membership.municipalities;

import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.support.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.UUID;

import static de.govtech.platform.events.membership.MunicipalityType.AMT_VERBANDSGEMEINDE;
import static de.govtech.platform.events.membership.MunicipalityType.GEMEINDE;
import static de.govtech.platform.events.membership.MunicipalityType.KREISFREIE_STADT;
import static de.govtech.platform.events.membership.MunicipalityType.LANDKREIS;
import static de.govtech.platform.events.membership.MunicipalityType.STADT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfficialKeysTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "KREISFREIE_STADT, 08, 08121000, 081210000000",
            "STADT, 06, 06433012, 064330012012",
            "GEMEINDE, 13, 13073089, -",
            "GEMEINDE, 13, 130730089089, 130730089089",
            "LANDKREIS, 06, 06431, -",
            "LANDKREIS, 06, 06431, 064310000000",
            "AMT_VERBANDSGEMEINDE, 13, 130725255, -",
            "AMT_VERBANDSGEMEINDE, 13, 130725255, 130725255000",
            "GEMEINDE, 01, 01001000, -",
            "GEMEINDE, 16, 16051000, -"})
    void acceptsKeysThatFitTypeAndLand(MunicipalityType type, String land, String key, String ars) {
        assertEquals(List.of(), OfficialKeys.check(type, land, key, ars));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "GEMEINDE, 08, 0812100, -, officialKey",          // 7 digits
            "GEMEINDE, 08, 0812100A, -, officialKey",         // not digits
            "GEMEINDE, 08, 081210000, -, officialKey",        // 9 digits: a Verbandsschlüssel, not for a Gemeinde
            "GEMEINDE, 08, 06433012, -, land",                // Land mismatch
            "GEMEINDE, 17, 17001000, -, officialKey",         // Land 17 does not exist
            "GEMEINDE, 00, 00001000, -, land",                // Land 00 does not exist
            "LANDKREIS, 06, 06433012, -, officialKey",        // a Landkreis is keyed by 5 digits
            "AMT_VERBANDSGEMEINDE, 13, 13072525, -, officialKey",
            "KREISFREIE_STADT, 08, 06431, -, officialKey",
            "STADT, 06, 06433012, 06433001201, ars",          // ARS 11 digits
            "STADT, 06, 06433012, 064330012013, ars",         // ARS Gemeinde digits differ
            "STADT, 06, 06433012, 064340012012, ars",         // ARS Kreis differs
            "GEMEINDE, 13, 130730089089, 130730089088, ars",  // ARS key vs ars
            "AMT_VERBANDSGEMEINDE, 13, 130725255, 130725256000, ars",
            "LANDKREIS, 06, 06431, 064320000000, ars"})
    void refusesKeysNamingTheField(MunicipalityType type, String land, String key, String ars, String field) {
        List<FieldError> errors = OfficialKeys.check(type, land, key, ars);
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field)), () -> "expected " + field + " in " + errors);
    }

    @Test
    void everyKindIsToldApartByItsLength() {
        assertEquals(OfficialKeys.KeyKind.KREISSCHLUESSEL, OfficialKeys.kindOf("06431").orElseThrow());
        assertEquals(OfficialKeys.KeyKind.AGS, OfficialKeys.kindOf("08121000").orElseThrow());
        assertEquals(OfficialKeys.KeyKind.VERBANDSSCHLUESSEL, OfficialKeys.kindOf("130725255").orElseThrow());
        assertEquals(OfficialKeys.KeyKind.ARS, OfficialKeys.kindOf("081210000000").orElseThrow());
        assertTrue(OfficialKeys.kindOf("1234567").isEmpty());
        assertTrue(OfficialKeys.kindOf(null).isEmpty());
    }

    @Test
    void heilbronnsIdIsTheDevUsersMunicipalityId() {
        assertEquals(UUID.fromString("f4ec1f01-9f1c-3d34-ba99-332841cb7bcd"), OfficialKeys.municipalityId("08121000"));
    }

    @Test
    void kindsPerType() {
        assertEquals(List.of(OfficialKeys.KeyKind.KREISSCHLUESSEL), OfficialKeys.kindsFor(LANDKREIS));
        assertEquals(List.of(OfficialKeys.KeyKind.VERBANDSSCHLUESSEL), OfficialKeys.kindsFor(AMT_VERBANDSGEMEINDE));
        assertEquals(List.of(OfficialKeys.KeyKind.AGS, OfficialKeys.KeyKind.ARS), OfficialKeys.kindsFor(STADT));
        assertEquals(List.of(OfficialKeys.KeyKind.AGS, OfficialKeys.KeyKind.ARS), OfficialKeys.kindsFor(GEMEINDE));
        assertEquals(List.of(OfficialKeys.KeyKind.AGS, OfficialKeys.KeyKind.ARS), OfficialKeys.kindsFor(KREISFREIE_STADT));
    }
}
