package de.govtech.solutions;

import de.govtech.solutions.proposals.SolutionRequests;
import de.govtech.solutions.proposals.SolutionService;
import de.govtech.solutions.rounds.RoundRequest;
import de.govtech.solutions.rounds.RoundService;
import de.govtech.platform.support.security.Caller;
import io.quarkus.arc.Arc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Test setup through the real services, as a platform admin, where the test itself runs as somebody else. */
public final class AsPlatformAdmin {

    public static final Caller CALLER = new Caller("test-plattform", "Test Plattform", Set.of("platform-admin"), Optional.empty(), Optional.empty());

    private AsPlatformAdmin() {
    }

    public static String propose(String title) {
        return Arc.container().instance(SolutionService.class).get().propose(CALLER, new SolutionRequests.Proposal(title,
                "Ein Problem", "Ein Ergebnis", "Bürgerservice", null, List.of("99115003001000"), null)).id().toString();
    }

    public static void move(String solutionId, de.govtech.solutions.proposals.SolutionAction action, String licence) {
        Arc.container().instance(SolutionService.class).get().change(CALLER, UUID.fromString(solutionId), action,
                "Testaufbau", licence);
    }

    /** Proposed, in pilot and released under {@code licence} (null: from its publiccode.yml). */
    public static String released(String title, String category, String publiccode, String licence) {
        String id = Arc.container().instance(SolutionService.class).get().propose(CALLER, new SolutionRequests.Proposal(title,
                "Ein Problem", "Ein Ergebnis", category, null, List.of("99115003001000"), null)).id().toString();
        move(id, de.govtech.solutions.proposals.SolutionAction.START_PILOT, null);
        if (publiccode != null) {
            Arc.container().instance(de.govtech.solutions.catalogue.CatalogueService.class).get()
                    .importDocument(CALLER, UUID.fromString(id), publiccode);
        }
        move(id, de.govtech.solutions.proposals.SolutionAction.RELEASE, licence);
        return id;
    }

    public static String open(String title, List<String> candidates, int points, Instant opens, Instant closes) {
        return Arc.container().instance(RoundService.class).get().open(CALLER, new RoundRequest(title,
                candidates.stream().map(UUID::fromString).toList(), points, opens, closes)).id().toString();
    }
}
