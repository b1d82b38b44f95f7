package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static de.govtech.systemtests.DevUsers.ESCHWEGE_ADMIN;
import static de.govtech.systemtests.DevUsers.HEILBRONN;
import static de.govtech.systemtests.DevUsers.HEILBRONN_ADMIN;
import static de.govtech.systemtests.DevUsers.HEILBRONN_STAFF;
import static de.govtech.systemtests.DevUsers.PLATFORM_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Nachnutzung through the gateway: a member municipality proposes a solution, the members choose it in a pilot
 * selection round (results hidden until the close), the association pilots and releases it with its publiccode.yml,
 * and it appears in the marketplace's public catalogue as an offering of GovTech Kommunal, anonymously.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolutionsJourneyIT {

    private static final String SOLUTIONS = "/api/v1/solutions";
    private static final String OFFERINGS = "/api/v1/marketplace/catalogue/association-offerings";
    private static final Duration EVENTS_ARRIVE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformStack stack;
    private final Gateway gateway;
    private final String title = "Digitale Schöffenwahl " + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private boolean anEarlierStepFailed;

    private String solutionId;
    private String roundId;

    @RegisterExtension
    final TestWatcher stopAfterAFailedStep = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            anEarlierStepFailed = true;
        }
    };

    SolutionsJourneyIT(PlatformStack stack) {
        this.stack = stack;
        this.gateway = stack.gateway();
    }

    @Test
    @Order(1)
    void aMemberMunicipalityProposesASolution() {
        String admin = stack.tokenOf(HEILBRONN_ADMIN);
        ObjectNode proposal = JSON.createObjectNode()
                .put("title", title)
                .put("problem", "Die Schöffenwahl läuft auf Papier; Vorschlagslisten werden von Hand abgetippt.")
                .put("intendedOutcome", "Bewerbungen online, Vorschlagslisten und Wahl digital, Übergabe an das Amtsgericht.")
                .put("category", "Bürgerservice");
        // solutions knows Heilbronn as a member once its member-joined has arrived over Kafka
        ApiResponse created = Await.until(() -> gateway.post(SOLUTIONS + "/solutions", admin, proposal),
                r -> r.status() != 403, EVENTS_ARRIVE).assertStatus(201);
        solutionId = created.createdId();
        assertEquals("PROPOSED", created.json().path("status").asText(), created.toString());
        assertEquals(HEILBRONN, created.json().path("proposingMunicipalityId").asText(), created.toString());
    }

    @Test
    @Order(2)
    void theAssociationOpensASelectionRound() {
        stepsBeforePassed();
        ObjectNode round = JSON.createObjectNode().put("title", "Pilotauswahl " + title).put("pointsPerMember", 10)
                .put("votingOpensAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString())
                .put("votingClosesAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        round.putArray("candidateSolutionIds").add(solutionId);
        roundId = gateway.post(SOLUTIONS + "/selection-rounds", stack.tokenOf(PLATFORM_ADMIN), round).assertStatus(201).createdId();
    }

    @Test
    @Order(3)
    void membersVoteThroughTheirAdminsOnlyForThemselves() {
        stepsBeforePassed();
        String eschwege = stack.tokenOf(ESCHWEGE_ADMIN);
        String eschwegeId = Jwt.claims(eschwege).path("municipality_id").asText();
        ApiResponse awaited = Await.until(() -> gateway.put(ballot(eschwegeId), eschwege, allocation(6)),
                r -> r.status() != 403, EVENTS_ARRIVE);
        awaited.assertStatus(200);
        gateway.put(ballot(HEILBRONN), stack.tokenOf(HEILBRONN_ADMIN), allocation(10)).assertStatus(200);

        gateway.put(ballot(HEILBRONN), eschwege, allocation(10)).assertStatusIn(403, 404).assertProblem();
        gateway.put(ballot(HEILBRONN), stack.tokenOf(HEILBRONN_STAFF), allocation(10)).assertStatus(403).assertProblem();
        gateway.get(SOLUTIONS + "/selection-rounds/" + roundId + "/results", stack.tokenOf(HEILBRONN_ADMIN))
                .assertStatusIn(403, 409).assertProblem();
    }

    @Test
    @Order(4)
    void theCloseRanksTheCandidatesWithTurnout() {
        stepsBeforePassed();
        gateway.post(SOLUTIONS + "/selection-rounds/" + roundId + "/close", stack.tokenOf(PLATFORM_ADMIN), null).assertStatus(200);

        JsonNode results = gateway.get(SOLUTIONS + "/selection-rounds/" + roundId + "/results", stack.tokenOf(HEILBRONN_ADMIN))
                .assertStatus(200).json();
        assertEquals(solutionId, results.path("ranking").path(0).path("solutionId").asText(), results.toString());
        assertEquals(16, results.path("ranking").path(0).path("points").asInt(), results.toString());
        assertEquals(2, results.path("membersVoted").asInt(), results.toString());
        assertTrue(results.path("membersEligible").asInt() >= 13, "the founding members are eligible: " + results);
    }

    @Test
    @Order(5)
    void theAssociationPilotsAndReleasesItWithItsPubliccodeYml() {
        stepsBeforePassed();
        String admin = stack.tokenOf(PLATFORM_ADMIN);
        gateway.post(SOLUTIONS + "/solutions/" + solutionId + "/start-pilot", admin, reason("Platz 1 der Auswahlrunde"))
                .assertStatus(200);
        gateway.exchange("PUT", SOLUTIONS + "/solutions/" + solutionId + "/publiccode", admin, "application/json",
                "application/yaml", publiccodeYml()).assertStatus(200);
        ApiResponse released = gateway.post(SOLUTIONS + "/solutions/" + solutionId + "/release", admin,
                reason("Pilot in Heilbronn abgeschlossen")).assertStatus(200);
        assertEquals("AVAILABLE_FOR_REUSE", released.json().path("status").asText(), released.toString());
    }

    @Test
    @Order(6)
    void itAppearsInTheMarketplacesPublicCatalogueAsAnOfferingOfTheAssociation() {
        stepsBeforePassed();
        ApiResponse offering = Await.until(() -> gateway.get(OFFERINGS + "/" + solutionId, null), r -> r.status() == 200,
                EVENTS_ARRIVE).assertStatus(200);
        JsonNode json = offering.json();
        assertEquals("GovTech Kommunal", json.path("provider").asText(), offering.toString());
        assertEquals(title, json.path("name").asText(), offering.toString());
        assertEquals("EUPL-1.2", json.path("licence").asText(), offering.toString());
        assertTrue(json.path("reuseRequestPath").asText().contains(solutionId), offering.toString());

        JsonNode found = gateway.get(OFFERINGS + "?q=Schöffenwahl&size=100", null).assertStatus(200).json();
        assertTrue(found.path("items").findValuesAsText("solutionId").contains(solutionId), found.toString());
    }

    private String ballot(String municipalityId) {
        return SOLUTIONS + "/selection-rounds/" + roundId + "/ballots/" + municipalityId;
    }

    private ObjectNode allocation(int points) {
        ObjectNode ballot = JSON.createObjectNode();
        ballot.putArray("allocations").addObject().put("solutionId", solutionId).put("points", points);
        return ballot;
    }

    private static ObjectNode reason(String reason) {
        return JSON.createObjectNode().put("reason", reason);
    }

    private String publiccodeYml() {
        return """
                publiccodeYmlVersion: "0.4"
                name: "%s"
                url: https://gitlab.opencode.de/govtech-kommunal/schoeffenwahl.git
                platforms: [web]
                categories: [workflow-management]
                developmentStatus: beta
                softwareType: standalone/web
                description:
                  de:
                    shortDescription: Schöffenwahl digital – von der Bewerbung bis zur Vorschlagsliste
                    longDescription: >-
                      Bürgerinnen und Bürger bewerben sich online als Schöffin oder Schöffe. Die Verwaltung prüft die
                      Bewerbungen, stellt die Vorschlagsliste zusammen und übergibt sie dem Amtsgericht digital.
                    features: [Online-Bewerbung, Vorschlagsliste, Übergabe an das Amtsgericht]
                legal:
                  license: EUPL-1.2
                maintenance:
                  type: community
                  contacts:
                    - name: Servicestelle GovTech Kommunal
                localisation:
                  localisationReady: true
                  availableLanguages: [de]
                """.formatted(title);
    }

    private void stepsBeforePassed() {
        assumeFalse(anEarlierStepFailed, "an earlier step of the journey failed");
    }
}
