package de.govtech.learning.enrolments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * Enrols the caller, or — a municipality admin only — a member of its staff named by {@code learnerId} (their token
 * subject) and {@code learnerName}. Workshop courses name a session; self-paced courses do not.
 */
@Schema(name = "EnrolmentRequest", description = "Enrols the caller, or (municipality admins) a member of its staff "
        + "named by learnerId and learnerName; workshop courses name a session, self-paced courses do not",
        examples = """
        {"courseId": "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01", "workshopSessionId": "0e8f7c7a-6f1e-4c55-9f39-0c1d8d9f4a11"}""")
public record EnrolmentRequest(
        @NotNull @Schema(examples = "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01") UUID courseId,
        @Schema(examples = "0e8f7c7a-6f1e-4c55-9f39-0c1d8d9f4a11") UUID workshopSessionId,
        @Size(min = 1, max = 200) @Schema(description = "staff member to enrol (municipality admins)",
                examples = "4f1c2d3e-1111-4aaa-9bbb-123456789abc") String learnerId,
        @Size(min = 1, max = 300) @Schema(description = "their name, for the certificate (with learnerId)",
                examples = "Erika Mustermann") String learnerName) {
}
