package de.govtech.solutions.reuse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the reuse operations. */
public final class ReuseRequests {

    private ReuseRequests() {
    }

    @Schema(name = "ReuseRequestBody", description = "A member asks to reuse the solution; the message is optional", examples = """
            {"message": "Wir möchten die Terminvergabe ab dem 2. Quartal im Bürgerbüro einsetzen."}""")
    public record Ask(@Schema(examples = "Wir möchten die Terminvergabe ab dem 2. Quartal einsetzen.") @Size(max = 2000) String message) {
    }

    @Schema(name = "ReuseAcceptance", description = "Accepts a reuse request and concludes the agreement "
            + "(Nachnutzungsvereinbarung). The requesting municipality always participates; others may be added. "
            + "An optional cost split divides development and operating cost among all participants.", examples = """
            {"terms": "Nachnutzung gemäß EUPL-1.2; Betrieb durch den Verein; Kündigung zum Jahresende.",
             "startDate": "2027-04-01", "participatingMunicipalityIds": ["6b2c0000-0000-4000-8000-00000000000b"],
             "costSharing": {"method": "POPULATION", "developmentCostCents": 12000000, "operatingCostCents": 2400000}}""")
    public record Accept(
            @Schema(examples = "Nachnutzung gemäß EUPL-1.2") @NotBlank @Size(max = 10_000) String terms,
            @Schema(examples = "2027-04-01") @NotNull LocalDate startDate,
            @Schema(description = "further participating member municipalities besides the requester")
            @Size(max = 100) List<@NotNull UUID> participatingMunicipalityIds,
            @Valid CostSharing costSharing) {
    }

    @Schema(name = "CostSharing", description = "How development and operating cost (euro cents) are split", examples = """
            {"method": "EQUAL", "developmentCostCents": 12000000, "operatingCostCents": 2400000}""")
    public record CostSharing(
            @Schema(description = "EQUAL or POPULATION") @NotNull CostSplit.Method method,
            @Schema(examples = "12000000") @NotNull @PositiveOrZero Long developmentCostCents,
            @Schema(examples = "2400000") @NotNull @PositiveOrZero Long operatingCostCents) {
    }

    @Schema(name = "ReuseDecline", description = "Why the request is declined (required)", examples = """
            {"reason": "Die Lösung setzt ein Fachverfahren voraus, das die Gemeinde nicht betreibt."}""")
    public record Decline(@Schema(examples = "Fachverfahren fehlt") @NotBlank @Size(max = 1000) String reason) {
    }
}
