package de.govtech.solutions.pilots;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PilotMunicipalityRole", description = "LEAD: the municipality leading the pilot; PARTICIPANT: one "
        + "taking part")
public enum MunicipalityRole {
    LEAD,
    PARTICIPANT
}
