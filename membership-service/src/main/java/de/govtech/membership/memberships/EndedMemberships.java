package de.govtech.membership.memberships;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(description = "Memberships ended by this run")
public record EndedMemberships(List<UUID> membershipIds) {
}
