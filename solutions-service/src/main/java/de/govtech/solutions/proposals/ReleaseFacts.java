package de.govtech.solutions.proposals;

/**
 * What the release of a solution announces beyond the solution itself (licence, short description, repository,
 * development status). Implemented by the reuse catalogue, which knows the solution's publiccode.yml.
 */
public interface ReleaseFacts {

    record Facts(String licence, String shortDescription, String repositoryUrl, String developmentStatus) {
    }

    /**
     * The facts for releasing {@code solution}: from its publiccode.yml when one was imported, else the licence named
     * with the release; 422 naming {@code licence} when neither gives one.
     */
    Facts of(Solution solution, String namedLicence);
}
