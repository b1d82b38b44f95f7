package de.govtech.membership.founding;

import de.govtech.platform.events.membership.MunicipalityType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FoundingMembersCsvTest {

    private final List<FoundingMember> members = FoundingMembersCsv.load();
    private final Map<String, FoundingMember> byKey = members.stream()
            .collect(Collectors.toMap(FoundingMember::officialKey, Function.identity()));

    @Test
    void thirteenFoundingMembersWithDistinctKeys() {
        assertEquals(13, members.size());
        assertEquals(13, byKey.size());
    }

    @Test
    void heilbronnAsTheSourceGivesIt() {
        FoundingMember heilbronn = byKey.get("08121000");
        assertEquals("Stadt Heilbronn", heilbronn.name());
        assertEquals(MunicipalityType.KREISFREIE_STADT, heilbronn.type());
        assertEquals("08", heilbronn.land());
        assertEquals("081210000000", heilbronn.ars());
        assertEquals(130093, heilbronn.population());
        assertEquals(UUID.fromString("f4ec1f01-9f1c-3d34-ba99-332841cb7bcd"), heilbronn.municipalityId());
    }

    @Test
    void emptyCellsStayEmpty() {
        FoundingMember bergstrasse = byKey.get("06431");
        assertEquals(MunicipalityType.LANDKREIS, bergstrasse.type());
        assertNull(bergstrasse.ars());
        FoundingMember guestrowLand = byKey.get("130725255");
        assertEquals(MunicipalityType.AMT_VERBANDSGEMEINDE, guestrowLand.type());
        assertEquals("13", guestrowLand.land());
        assertNull(guestrowLand.ars());
    }

    @Test
    void refusesARowWhoseKeyDoesNotFitItsLand() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FoundingMembersCsv.parse(List.of(
                "header", "Stadt X,Stadt,Hessen,08121000,AGS,,,1,2023-12-31,none")));
    }
}
