package de.govtech.platform.messaging;

import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.events.membership.MunicipalityType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Event payloads for the tests; keys and figures are made up on purpose and never leave the tests. */
final class TestEvents {

    private TestEvents() {
    }

    static MemberJoined memberJoined(UUID municipalityId, String name) {
        return new MemberJoined(municipalityId, "08121000", null, name, MunicipalityType.STADT, "08", null, false,
                LocalDate.of(2026, 1, 1));
    }

    static MemberSuspended memberSuspended(UUID municipalityId, String reason) {
        return new MemberSuspended(municipalityId, Instant.now(), reason);
    }
}
