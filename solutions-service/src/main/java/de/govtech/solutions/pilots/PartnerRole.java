package de.govtech.solutions.pilots;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TechPartnerRole", description = "What a technology partner does in a pilot: DEVELOPER, OPERATOR or "
        + "CONSULTANT")
public enum PartnerRole {
    DEVELOPER,
    OPERATOR,
    CONSULTANT
}
