package de.govtech.membership.municipalities;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "MunicipalityChangeRequest", description = "A municipality admin's change of fee-relevant master data (population, "
        + "type, official key, Land), applied only when a platform admin accepts it", examples = """
        {"id": "3f2c1a9e-7b4d-4e21-9c0a-5d6e7f809a1b", "municipalityId": "a0000000-0000-4000-8000-00000000000a",
         "status": "ACCEPTED", "requestedBy": "admin-a", "requestedAt": "2026-03-01T10:15:00Z",
         "changes": [{"field": "population", "from": "4711", "to": "5210"}], "populationAsOf": "2025-12-31",
         "decidedBy": "platform-admin-1", "decidedAt": "2026-03-02T08:00:00Z"}""")
public record MunicipalityChangeRequestView(
        @Schema(examples = "3f2c1a9e-7b4d-4e21-9c0a-5d6e7f809a1b") UUID id,
        @Schema(examples = "a0000000-0000-4000-8000-00000000000a") UUID municipalityId,
        @Schema(examples = "PENDING") ChangeRequestStatus status,
        @Schema(description = "token subject of the municipality admin", examples = "admin-a") String requestedBy,
        @Schema(examples = "2026-03-01T10:15:00Z") Instant requestedAt,
        @Schema(description = "old → new of every field that changes; once accepted, old is the value it replaced")
        List<FieldChange> changes,
        @Schema(description = "the date the proposed population figure refers to; absent: the day it is accepted",
                examples = "2025-12-31") LocalDate populationAsOf,
        @Schema(description = "token subject of the platform admin who decided; absent while PENDING", examples = "platform-admin-1")
        String decidedBy,
        @Schema(examples = "2026-03-02T08:00:00Z") Instant decidedAt,
        @Schema(description = "why it was rejected; absent otherwise", examples = "Die Einwohnerzahl weicht von Destatis ab")
        String decisionReason) {

    static MunicipalityChangeRequestView of(MunicipalityChangeRequest request) {
        return new MunicipalityChangeRequestView(request.id, request.municipalityId, request.status, request.requestedBy,
                request.requestedAt, request.oldData().changesTo(request.newData()), request.populationAsOf,
                request.decidedBy, request.decidedAt, request.decisionReason);
    }
}
