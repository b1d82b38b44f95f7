package de.govtech.solutions.pilots;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PilotMunicipalityRole")
public enum MunicipalityRole {
    LEAD,
    PARTICIPANT
}
