package de.govtech.solutions.members;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** What the other features ask about members: the projection is read-only for them. */
@ApplicationScoped
public class Members {

    public boolean isActive(UUID municipalityId) {
        return municipalityId != null && MemberMunicipality.count("municipalityId = ?1 and status = ?2",
                municipalityId, MemberStatus.ACTIVE) > 0;
    }

    public long countActive() {
        return MemberMunicipality.count("status", MemberStatus.ACTIVE);
    }

    public List<UUID> activeAmong(Collection<UUID> municipalityIds) {
        if (municipalityIds.isEmpty()) {
            return List.of();
        }
        return MemberMunicipality.<MemberMunicipality>list("status = ?1 and municipalityId in ?2", MemberStatus.ACTIVE,
                municipalityIds).stream().map(m -> m.municipalityId).toList();
    }

    public List<MemberMunicipality> all(Collection<UUID> municipalityIds) {
        if (municipalityIds.isEmpty()) {
            return List.of();
        }
        return MemberMunicipality.list("municipalityId in ?1", municipalityIds);
    }
}
