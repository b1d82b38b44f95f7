package de.govtech.solutions.pilots;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Which municipality leads a solution's pilot: the providing side of its reuse, next to platform admins. */
@ApplicationScoped
public class PilotLeads {

    public boolean leads(UUID municipalityId, UUID solutionId) {
        return municipalityId != null && PilotMunicipality.count("solutionId = ?1 and municipalityId = ?2 and role = ?3",
                solutionId, municipalityId, MunicipalityRole.LEAD) > 0;
    }
}
