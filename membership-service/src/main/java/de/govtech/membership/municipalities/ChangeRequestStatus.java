package de.govtech.membership.municipalities;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangeRequestStatus", description = "PENDING until a platform admin accepts or rejects it", examples = "PENDING")
public enum ChangeRequestStatus {
    PENDING, ACCEPTED, REJECTED
}
