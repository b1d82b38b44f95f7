package de.govtech.solutions.pilots;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TechPartnerRole")
public enum PartnerRole {
    DEVELOPER,
    OPERATOR,
    CONSULTANT
}
