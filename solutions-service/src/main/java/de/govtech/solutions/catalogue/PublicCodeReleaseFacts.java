package de.govtech.solutions.catalogue;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.solutions.proposals.ReleaseFacts;
import de.govtech.solutions.proposals.Solution;
import jakarta.enterprise.context.ApplicationScoped;

/** Release facts from the solution's publiccode.yml; its licence wins over one named with the release. */
@ApplicationScoped
class PublicCodeReleaseFacts implements ReleaseFacts {

    @Override
    public Facts of(Solution solution, String namedLicence) {
        return PublicCode.of(solution.id)
                .map(code -> new Facts(code.licence, code.shortDescription, code.url, code.developmentStatus))
                .orElseGet(() -> {
                    if (namedLicence == null || namedLicence.isBlank()) {
                        throw DomainProblemException.unprocessable("Name the licence with the release, or import the "
                                + "solution's publiccode.yml first (PUT /solutions/{id}/publiccode)", "licence");
                    }
                    if (!PublicCodeValidator.isSpdxExpression(namedLicence.strip())) {
                        throw DomainProblemException.unprocessable("licence must be an SPDX licence expression of identifiers "
                                + "from the SPDX License List, e.g. EUPL-1.2", "licence");
                    }
                    return new Facts(namedLicence.strip(), null, null, null);
                });
    }
}
