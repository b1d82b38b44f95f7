package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Seeds the demo data of the solutions offering through its API with real tokens, idempotently: three proposals of
 * member municipalities (Heilbronn, Eschwege), an open pilot selection round over them, and one solution of the
 * association released for reuse with its publiccode.yml — which the marketplace then lists in its public catalogue.
 * Everything is looked up by its title first, so a restart changes nothing.
 */
final class SolutionsSeeder {

    static final String ADMIN_USER = "dev-platform-admin";
    static final String ROUND_TITLE = "Pilotauswahl (Demo)";
    static final String RELEASED_TITLE = "Digitaler Bauantrag (Demo)";
    /** The members learn of their membership over Kafka; until then solutions refuses their proposals with 403. */
    private static final Duration MEMBERS_KNOWN = Duration.ofSeconds(90);
    private static final int PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record DemoProposal(String user, String title, String category, String problem, String outcome) {
    }

    private static final List<DemoProposal> CANDIDATES = List.of(
            new DemoProposal("dev-heilbronn-admin", "Digitale Terminvergabe Bürgerbüro (Demo)", "Bürgerservice",
                    "Lange Wartezeiten und Telefonschleifen im Bürgerbüro.",
                    "Termine werden online gebucht; das Bürgerbüro plant sein Personal nach Bedarf."),
            new DemoProposal("dev-eschwege-admin", "Mängelmelder für Straßen und Grünflächen (Demo)", "Smart City",
                    "Schäden an Straßen und Grünflächen werden per Telefon und E-Mail gemeldet und gehen verloren.",
                    "Bürgerinnen und Bürger melden Mängel mit Foto und Ort; der Bauhof sieht sie geordnet."),
            new DemoProposal("dev-heilbronn-admin", "KI-Assistent für Bürgeranfragen (Demo)", "KI-Assistenz",
                    "Viele gleiche Fragen binden das Bürgerbüro.",
                    "Ein Assistent beantwortet Standardfragen aus geprüften Inhalten und übergibt den Rest an Menschen."));

    private final ServiceApi api;
    private final Function<String, KeycloakLogin.AccessToken> login;
    private final Clock clock;
    private final List<String> steps = new ArrayList<>();

    SolutionsSeeder(ServiceApi api, Function<String, KeycloakLogin.AccessToken> login, Clock clock) {
        this.api = api;
        this.login = login;
        this.clock = clock;
    }

    /** Returns what it did, e.g. "3 proposals, round opened, Digitaler Bauantrag (Demo) released" or "nothing to do". */
    String seed() {
        String admin = login.apply(ADMIN_USER).value();
        Map<String, JsonNode> existing = solutionsByTitle(admin);
        List<String> candidateIds = new ArrayList<>();
        int proposed = 0;
        for (DemoProposal proposal : CANDIDATES) {
            JsonNode solution = existing.get(proposal.title());
            if (solution == null) {
                solution = propose(login.apply(proposal.user()).value(), proposal);
                proposed++;
            }
            candidateIds.add(solution.path("id").asText());
        }
        if (proposed > 0) {
            steps.add(proposed + " proposals");
        }
        ensureRoundOpen(admin, candidateIds);
        ensureReleased(admin, existing.get(RELEASED_TITLE));
        return steps.isEmpty() ? "nothing to do" : String.join(", ", steps);
    }

    private JsonNode propose(String token, DemoProposal proposal) {
        ObjectNode body = JSON.createObjectNode().put("title", proposal.title()).put("category", proposal.category())
                .put("problem", proposal.problem()).put("intendedOutcome", proposal.outcome());
        long deadline = System.nanoTime() + MEMBERS_KNOWN.toNanos();
        while (true) {
            ServiceApi.Answer created = api.call("POST", "/solutions", token, body);
            if (created.is(201)) {
                return created.body();
            }
            if (!created.is(403) || System.nanoTime() > deadline) {
                throw new SeedException("proposing " + proposal.title() + " failed: " + created.describe());
            }
            pause();
        }
    }

    private void ensureRoundOpen(String admin, List<String> candidateIds) {
        ServiceApi.Answer rounds = api.call("GET", "/selection-rounds?size=" + PAGE_SIZE, admin, null);
        if (!rounds.is(200)) {
            throw new SeedException("listing selection rounds failed: " + rounds.describe());
        }
        for (JsonNode round : rounds.body().path("items")) {
            if (ROUND_TITLE.equals(round.path("title").asText())) {
                return;
            }
        }
        ObjectNode round = JSON.createObjectNode().put("title", ROUND_TITLE).put("pointsPerMember", 10)
                .put("votingOpensAt", clock.instant().minus(1, ChronoUnit.MINUTES).toString())
                .put("votingClosesAt", clock.instant().plus(30, ChronoUnit.DAYS).toString());
        candidateIds.forEach(round.putArray("candidateSolutionIds")::add);
        ServiceApi.Answer opened = api.call("POST", "/selection-rounds", admin, round);
        if (!opened.is(201)) {
            throw new SeedException("opening the demo selection round failed: " + opened.describe());
        }
        steps.add("round opened");
    }

    private void ensureReleased(String admin, JsonNode solution) {
        if (solution == null) {
            ServiceApi.Answer created = api.call("POST", "/solutions", admin, JSON.createObjectNode()
                    .put("title", RELEASED_TITLE).put("category", "Bauen & Wohnen")
                    .put("problem", "Bauanträge kommen auf Papier und werden mehrfach abgetippt.")
                    .put("intendedOutcome", "Bauanträge werden digital gestellt, geprüft und beschieden."));
            if (!created.is(201)) {
                throw new SeedException("proposing " + RELEASED_TITLE + " failed: " + created.describe());
            }
            solution = created.body();
        }
        String id = solution.path("id").asText();
        String status = solution.path("status").asText();
        if (status.equals("PROPOSED") || status.equals("SHORTLISTED")) {
            action(admin, id, "start-pilot", "Demo: Pilot mit Heilbronn");
            status = "IN_PILOT";
        }
        if (status.equals("IN_PILOT")) {
            ServiceApi.Answer imported = api.upload("PUT", "/solutions/" + id + "/publiccode", admin, "application/yaml",
                    publiccodeYml());
            if (!imported.is(200)) {
                throw new SeedException("importing the publiccode.yml of " + RELEASED_TITLE + " failed: " + imported.describe());
            }
            action(admin, id, "release", "Demo: Pilot abgeschlossen");
            steps.add(RELEASED_TITLE + " released");
        }
    }

    private void action(String admin, String id, String verb, String reason) {
        ServiceApi.Answer answer = api.call("POST", "/solutions/" + id + "/" + verb, admin,
                JSON.createObjectNode().put("reason", reason));
        if (!answer.is(200)) {
            throw new SeedException(verb + " of " + RELEASED_TITLE + " failed: " + answer.describe());
        }
    }

    private Map<String, JsonNode> solutionsByTitle(String admin) {
        Map<String, JsonNode> byTitle = new HashMap<>();
        for (int page = 0; ; page++) {
            ServiceApi.Answer answer = api.call("GET", "/solutions?page=" + page + "&size=" + PAGE_SIZE, admin, null);
            if (!answer.is(200)) {
                throw new SeedException("listing solutions failed: " + answer.describe());
            }
            answer.body().path("items").forEach(s -> byTitle.put(s.path("title").asText(), s));
            if ((long) (page + 1) * PAGE_SIZE >= answer.body().path("total").asLong()) {
                return byTitle;
            }
        }
    }

    private static String publiccodeYml() {
        return """
                publiccodeYmlVersion: "0.4"
                name: Digitaler Bauantrag (Demo)
                url: https://gitlab.opencode.de/govtech-kommunal/bauantrag-demo.git
                platforms: [web]
                categories: [workflow-management]
                developmentStatus: stable
                softwareType: standalone/web
                description:
                  de:
                    shortDescription: Bauanträge digital stellen, prüfen und bescheiden (Demo des lokalen Stacks)
                    longDescription: >-
                      Antragstellende reichen Bauanträge mit allen Unterlagen online ein; die Bauaufsicht prüft
                      Vollständigkeit, beteiligt Fachstellen digital und erteilt den Bescheid. Eine Demo-Lösung des
                      lokalen Stacks, keine echte Software.
                    features: [Online-Antrag, Beteiligung der Fachstellen, digitaler Bescheid]
                legal:
                  license: EUPL-1.2
                maintenance:
                  type: community
                  contacts:
                    - name: Servicestelle GovTech Kommunal (Demo)
                localisation:
                  localisationReady: true
                  availableLanguages: [de]
                """;
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedException("interrupted", e);
        }
    }
}
