package de.govtech.solutions.catalogue;

import de.govtech.platform.support.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of publiccode.yml 0.4, starting from a valid openCode.de-style document and breaking one thing at a time. */
class PublicCodeValidatorTest {

    static final String VALID = load("/publiccode/valid-opencode.yml");

    static String load(String resource) {
        try (InputStream in = PublicCodeValidatorTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String yaml) {
        return PublicCodeValidator.validate(yaml).errors().stream().map(FieldError::field).toList();
    }

    private static String without(String line) {
        assertTrue(VALID.contains(line + "\n"), line);
        return VALID.replace(line + "\n", "");
    }

    private static String replaced(String from, String to) {
        assertTrue(VALID.contains(from), from);
        return VALID.replace(from, to);
    }

    @Test
    void theOpenCodeStyleExampleIsValid() {
        PublicCodeValidator.Result result = PublicCodeValidator.validate(VALID);
        assertEquals(List.of(), result.errors());
        assertTrue(result.valid());
        assertEquals("EUPL-1.2", result.document().path("legal").path("license").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"publiccodeYmlVersion", "name", "url", "developmentStatus", "softwareType"})
    void eachRequiredTopLevelTextIsReportedByItsKey(String key) {
        String line = VALID.lines().filter(l -> l.startsWith(key + ":")).findFirst().orElseThrow();
        assertEquals(List.of(key), fields(without(line)));
    }

    @Test
    void platformsAndCategoriesAreRequiredNonEmptyLists() {
        assertEquals(List.of("platforms"), fields(replaced("platforms:\n  - web\n", "")));
        assertEquals(List.of("categories"), fields(replaced("categories:\n  - appointments\n  - citizen-engagement\n", "categories: []\n")));
        assertEquals(List.of("platforms"), fields(replaced("platforms:\n  - web\n", "platforms: web\n")));
    }

    @Test
    void onlyVersion04IsAccepted() {
        assertEquals(List.of("publiccodeYmlVersion"), fields(replaced("publiccodeYmlVersion: \"0.4\"", "publiccodeYmlVersion: \"0.2\"")));
        assertEquals(List.of(), fields(replaced("publiccodeYmlVersion: \"0.4\"", "publiccodeYmlVersion: 0.4")));
        assertEquals(List.of(), fields(replaced("publiccodeYmlVersion: \"0.4\"", "publiccodeYmlVersion: \"0.4.0\"")));
    }

    @Test
    void theUrlIsAnHttpUrl() {
        assertEquals(List.of("url"), fields(replaced("url: https://gitlab", "url: ftp://gitlab")));
        assertEquals(List.of("url"), fields(replaced("url: https://gitlab.opencode.de/govtech-kommunal/terminvergabe.git",
                "url: kein link")));
        assertEquals(List.of("landingURL"), fields(replaced("landingURL: https://", "landingURL: //")));
    }

    @Test
    void developmentStatusAndSoftwareTypeComeFromTheirLists() {
        assertEquals(List.of("developmentStatus"), fields(replaced("developmentStatus: stable", "developmentStatus: production")));
        assertEquals(List.of("softwareType"), fields(replaced("softwareType: standalone/web", "softwareType: webapp")));
        for (String status : PublicCodeValidator.DEVELOPMENT_STATUSES) {
            assertEquals(List.of(), fields(replaced("developmentStatus: stable", "developmentStatus: " + status)));
        }
    }

    @Test
    void theDescriptionNeedsAtLeastOneLanguageWithAllThreeTexts() {
        String noLanguages = VALID.substring(0, VALID.indexOf("description:")) + "description: {}\n"
                + VALID.substring(VALID.indexOf("legal:"));
        assertEquals(List.of("description"), fields(noLanguages));
        assertEquals(List.of("description.de.shortDescription"),
                fields(without(VALID.lines().filter(l -> l.contains("shortDescription:")).findFirst().orElseThrow())));
        assertEquals(List.of("description.de.features"), fields(replaced(
                "    features:\n      - Online-Buchung von Terminen\n      - Erinnerungen per E-Mail\n      - Auslastungsplanung für Schalter\n", "")));
    }

    @Test
    void theShortDescriptionHasAtMost150AndTheLongOne150To10000Characters() {
        String shortLine = VALID.lines().filter(l -> l.contains("shortDescription:")).findFirst().orElseThrow();
        assertEquals(List.of("description.de.shortDescription"),
                fields(VALID.replace(shortLine, "    shortDescription: " + "x".repeat(151))));
        assertEquals(List.of(), fields(VALID.replace(shortLine, "    shortDescription: " + "x".repeat(150))));
        String longStart = VALID.substring(VALID.indexOf("    longDescription:"), VALID.indexOf("    features:"));
        assertEquals(List.of("description.de.longDescription"),
                fields(VALID.replace(longStart, "    longDescription: " + "x".repeat(149) + "\n")));
        assertEquals(List.of(), fields(VALID.replace(longStart, "    longDescription: " + "x".repeat(150) + "\n")));
        assertEquals(List.of("description.de.longDescription"),
                fields(VALID.replace(longStart, "    longDescription: " + "x".repeat(10_001) + "\n")));
    }

    @Test
    void everyLanguagePresentNeedsAllThreeTextsAndAValidTag() {
        String english = "  en:\n    shortDescription: Appointments\n";
        String withEnglish = VALID.replace("legal:\n", english + "legal:\n");
        assertEquals(List.of("description.en.longDescription", "description.en.features"), fields(withEnglish));
        assertEquals(List.of("description.d_e"), fields(VALID.replace("  de:\n", "  d_e:\n")));
    }

    @Test
    void theLicenceIsAnSpdxExpression() {
        assertEquals(List.of("legal.license"), fields(replaced("license: EUPL-1.2", "license: Freie Lizenz")));
        assertEquals(List.of("legal.license"), fields(replaced("license: EUPL-1.2", "license: MIT OR")));
        assertEquals(List.of(), fields(replaced("license: EUPL-1.2", "license: (MIT OR Apache-2.0) AND EUPL-1.2")));
        assertEquals(List.of(), fields(replaced("license: EUPL-1.2", "license: GPL-2.0-or-later WITH Classpath-exception-2.0")));
        assertEquals(List.of("legal.license"), fields(replaced("  license: EUPL-1.2\n", "")));
        assertTrue(PublicCodeValidator.isSpdxExpression("AGPL-3.0-only"));
        assertFalse(PublicCodeValidator.isSpdxExpression("(MIT"));
        assertFalse(PublicCodeValidator.isSpdxExpression("MIT Apache-2.0"));
        assertFalse(PublicCodeValidator.isSpdxExpression("frei"), "not on the SPDX License List");
        assertFalse(PublicCodeValidator.isSpdxExpression("MIT WITH Beliebige-Ausnahme"));
        assertTrue(PublicCodeValidator.isSpdxExpression("eupl-1.2"), "identifiers match case-insensitively");
        assertTrue(PublicCodeValidator.isSpdxExpression("GPL-2.0+"));
        assertTrue(PublicCodeValidator.isSpdxExpression("LicenseRef-Stadt-Heilbronn"));
    }

    @Test
    void contractorsAreRequiredUnderContractAndForbiddenOtherwise() {
        String contractors = "  contractors:\n    - name: Beispiel Software GmbH\n      until: \"2028-12-31\"\n      website: https://example.org\n";
        assertEquals(List.of("maintenance.contractors"), fields(replaced(contractors, "")));
        assertEquals(List.of("maintenance.contractors[0].until"), fields(replaced("until: \"2028-12-31\"", "until: \"31.12.2028\"")));
        assertEquals(List.of("maintenance.contractors[0].until"), fields(replaced("until: \"2028-12-31\"", "until: \"2028-02-30\"")));
        assertEquals(List.of("maintenance.contractors[0].name"), fields(replaced("    - name: Beispiel Software GmbH\n      until",
                "    - until")));
        assertEquals(List.of("maintenance.contractors"), fields(replaced("type: contract", "type: none")));
    }

    @Test
    void contactsAreRequiredForInternalAndCommunityMaintenance() {
        String contractors = "  contractors:\n    - name: Beispiel Software GmbH\n      until: \"2028-12-31\"\n      website: https://example.org\n";
        String internal = replaced("type: contract\n" + contractors, "type: internal\n");
        assertEquals(List.of("maintenance.contacts"), fields(internal));
        assertEquals(List.of("maintenance.contacts"), fields(internal.replace("type: internal", "type: community")));
        assertEquals(List.of(), fields(internal.replace("type: internal\n", "type: internal\n  contacts:\n    - name: Erika Muster\n")));
        assertEquals(List.of("maintenance.contacts[0].name"),
                fields(internal.replace("type: internal\n", "type: internal\n  contacts:\n    - email: a@example.org\n")));
        assertEquals(List.of("maintenance.type"), fields(replaced("type: contract", "type: outsourced")));
    }

    @Test
    void localisationNeedsReadinessAndAtLeastOneLanguage() {
        assertEquals(List.of("localisation.localisationReady"), fields(replaced("localisationReady: true", "localisationReady: maybe")));
        assertEquals(List.of("localisation.availableLanguages"),
                fields(replaced("  availableLanguages:\n    - de\n    - en\n", "  availableLanguages: []\n")));
        assertEquals(List.of("localisation.availableLanguages[1]"), fields(replaced("    - en\n", "    - englisch!\n")));
        assertEquals(List.of("localisation"), fields(replaced("localisation:\n  localisationReady: true\n  availableLanguages:\n    - de\n    - en\n", "")));
    }

    @Test
    void datesAreYearMonthDay() {
        assertEquals(List.of("releaseDate"), fields(replaced("releaseDate: \"2026-10-15\"", "releaseDate: \"15.10.2026\"")));
    }

    @Test
    void unknownKeysAreReportedWhereTheyAre() {
        assertEquals(List.of("DE"), fields(VALID + "DE:\n  leika: \"99115003001000\"\n"));
        assertEquals(List.of("legal.lizenz"), fields(replaced("  license: EUPL-1.2\n", "  license: EUPL-1.2\n  lizenz: EUPL\n")));
        assertEquals(List.of("description.de.teaser"), fields(replaced("    localisedName: Terminvergabe\n",
                "    localisedName: Terminvergabe\n    teaser: x\n")));
    }

    @Test
    void everyFailureIsListedAtOnce() {
        String broken = VALID.replace("developmentStatus: stable", "developmentStatus: fertig")
                .replace("license: EUPL-1.2", "license: irgendwas frei")
                .replace("localisationReady: true", "localisationReady: vielleicht")
                .replace("  de:\n", "  de:\n    shortDescription2: x\n");
        assertEquals(List.of("developmentStatus", "description.de.shortDescription2", "legal.license",
                "localisation.localisationReady"), fields(broken));
    }

    @Test
    void malformedOrNonMappingYamlIsOneErrorForTheDocument() {
        List<FieldError> syntax = PublicCodeValidator.validate("name: [unclosed").errors();
        assertEquals(1, syntax.size());
        assertNull(syntax.get(0).field());
        assertTrue(syntax.get(0).message().contains("line"), syntax.get(0).message());
        assertEquals(1, PublicCodeValidator.validate("- a\n- b\n").errors().size());
        assertEquals(1, PublicCodeValidator.validate("   ").errors().size());
    }
}
