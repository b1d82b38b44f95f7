package de.govtech.learning.workshops;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "WorkshopSessionRequest", description = "A new workshop session: a place, an online link (https), or "
        + "both",
        examples = """
        {"startsAt": "2026-03-10T08:00:00Z", "endsAt": "2026-03-10T12:00:00Z",
         "place": "Rathaus Heilbronn, Sitzungssaal 2", "onlineUrl": "https://meet.govtech-kommunal.de/ki-werkstatt",
         "capacity": 12, "registrationDeadline": "2026-03-03T22:59:59Z", "trainer": "Dr. Kim Beispiel"}""")
public record WorkshopSessionRequest(
        @NotNull @Schema(examples = "2026-03-10T08:00:00Z") Instant startsAt,
        @NotNull @Schema(examples = "2026-03-10T12:00:00Z") Instant endsAt,
        @Size(max = 300) @Schema(examples = "Rathaus Heilbronn, Sitzungssaal 2") String place,
        @Size(max = 2000) @Schema(examples = "https://meet.govtech-kommunal.de/ki-werkstatt") String onlineUrl,
        @NotNull @Min(1) @Max(1000) @Schema(examples = "12") Integer capacity,
        @NotNull @Schema(examples = "2026-03-03T22:59:59Z") Instant registrationDeadline,
        @NotBlank @Size(max = 200) @Schema(examples = "Dr. Kim Beispiel") String trainer) {
}
