package de.govtech.membership.memberships;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "EndedMemberships", description = "Memberships ended by this run", examples = """
        {"membershipIds": ["0d6f5a0e-3b7c-3f43-a4c1-1e5f6c2b9d10"]}""")
public record EndedMemberships(List<UUID> membershipIds) {
}
