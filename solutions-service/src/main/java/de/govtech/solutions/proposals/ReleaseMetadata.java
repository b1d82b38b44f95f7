package de.govtech.solutions.proposals;

import de.govtech.platform.support.problem.DomainProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the release of a solution announces beyond the solution itself: licence, short description, repository and
 * development status — from its publiccode.yml when one was imported, else the licence given with the release.
 */
@ApplicationScoped
public class ReleaseMetadata {

    public record Facts(String licence, String shortDescription, String repositoryUrl, String developmentStatus) {
    }

    Facts of(Solution solution, String licence) {
        if (licence == null || licence.isBlank()) {
            throw DomainProblemException.unprocessable(
                    "A release names the licence, or the solution has an imported publiccode.yml", "licence");
        }
        return new Facts(licence.strip(), null, null, null);
    }
}
