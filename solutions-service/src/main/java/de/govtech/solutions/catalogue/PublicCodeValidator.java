package de.govtech.solutions.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import de.govtech.platform.support.problem.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a publiccode.yml document (standard version 0.4, as openCode.de uses it) with explicit rules, and reports
 * every failure by its key path ({@code description.de.shortDescription}, {@code maintenance.contacts[0].name}).
 * The rules: required top-level keys, value sets of developmentStatus, softwareType and maintenance.type, the
 * description per language (short ≤ 150, long 150–10 000 characters, features non-empty), an SPDX licence
 * expression of identifiers from the SPDX License List (resource govtech/spdx-licenses.txt), contractors iff maintained under contract, contacts when internal or community, localisation, dates as
 * YYYY-MM-DD and no unknown keys (the official parser rejects them).
 */
public final class PublicCodeValidator {

    public static final Set<String> DEVELOPMENT_STATUSES = Set.of("concept", "development", "beta", "stable", "obsolete");
    public static final Set<String> SOFTWARE_TYPES = Set.of("standalone/mobile", "standalone/iot", "standalone/desktop",
            "standalone/web", "standalone/backend", "standalone/other", "addon", "library", "configurationFiles");
    static final Set<String> MAINTENANCE_TYPES = Set.of("internal", "contract", "community", "none");

    private static final Set<String> TOP_LEVEL = Set.of("publiccodeYmlVersion", "name", "applicationSuite", "url", "landingURL",
            "isBasedOn", "softwareVersion", "releaseDate", "logo", "monochromeLogo", "inputTypes", "outputTypes", "platforms",
            "categories", "usedBy", "roadmap", "developmentStatus", "softwareType", "intendedAudience", "description", "legal",
            "maintenance", "localisation", "dependsOn", "it");
    private static final Set<String> DESCRIPTION = Set.of("localisedName", "genericName", "shortDescription", "longDescription",
            "documentation", "apiDocumentation", "features", "screenshots", "videos", "awards");
    private static final Set<String> LEGAL = Set.of("license", "mainCopyrightOwner", "repoOwner", "authorsFile");
    private static final Set<String> MAINTENANCE = Set.of("type", "contractors", "contacts");
    private static final Set<String> CONTRACTOR = Set.of("name", "until", "email", "website");
    private static final Set<String> CONTACT = Set.of("name", "email", "phone", "affiliation");
    private static final Set<String> LOCALISATION = Set.of("localisationReady", "availableLanguages");
    private static final Set<String> INTENDED_AUDIENCE = Set.of("countries", "unsupportedCountries", "scope");

    private static final Pattern BCP47 = Pattern.compile("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern LICENSE_REF = Pattern.compile("^LicenseRef-[A-Za-z0-9.\\-]+$");
    private static final Set<String> SPDX_LICENSES = identifiers("govtech/spdx-licenses.txt");
    private static final Set<String> SPDX_EXCEPTIONS = identifiers("govtech/spdx-exceptions.txt");
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The outcome: the parsed document when valid, otherwise every failure. */
    public record Result(JsonNode document, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final List<FieldError> errors = new ArrayList<>();

    private PublicCodeValidator() {
    }

    public static Result validate(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return new Result(null, List.of(new FieldError(null, "The publiccode.yml document is empty")));
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return new Result(null, List.of(new FieldError(null, "Not a YAML document" + where + ": " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            return new Result(null, List.of(new FieldError(null, "A publiccode.yml document is a mapping of keys")));
        }
        PublicCodeValidator validator = new PublicCodeValidator();
        validator.check((ObjectNode) root);
        return new Result(root, List.copyOf(validator.errors));
    }

    private void check(ObjectNode root) {
        unknownKeys(root, "", TOP_LEVEL);
        JsonNode version = required(root, "", "publiccodeYmlVersion");
        if (version != null && !(version.isValueNode() && (version.asText().equals("0.4") || version.asText().startsWith("0.4.")))) {
            error("publiccodeYmlVersion", "must be \"0.4\" (the version openCode.de uses)");
        }
        requiredText(root, "", "name");
        JsonNode url = requiredText(root, "", "url");
        if (url != null) {
            url("url", url.asText());
        }
        optionalUrl(root, "landingURL");
        optionalUrl(root, "roadmap");
        optionalDate(root, "", "releaseDate");
        nonEmptyTextList(root, "", "platforms", true);
        nonEmptyTextList(root, "", "categories", true);
        nonEmptyTextList(root, "", "usedBy", false);
        oneOf(requiredText(root, "", "developmentStatus"), "developmentStatus", DEVELOPMENT_STATUSES);
        oneOf(requiredText(root, "", "softwareType"), "softwareType", SOFTWARE_TYPES);
        description(required(root, "", "description"));
        legal(required(root, "", "legal"));
        maintenance(required(root, "", "maintenance"));
        localisation(required(root, "", "localisation"));
        intendedAudience(root.get("intendedAudience"));
    }

    private void description(JsonNode description) {
        if (description == null) {
            return;
        }
        if (!description.isObject() || description.isEmpty()) {
            error("description", "must hold at least one language, e.g. description.de");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = description.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> language = it.next();
            String path = "description." + language.getKey();
            if (!BCP47.matcher(language.getKey()).matches()) {
                error(path, "is not a BCP 47 language tag");
            }
            if (!language.getValue().isObject()) {
                error(path, "must be a mapping with shortDescription, longDescription and features");
                continue;
            }
            JsonNode text = language.getValue();
            unknownKeys(text, path + ".", DESCRIPTION);
            JsonNode shortDescription = requiredText(text, path + ".", "shortDescription");
            if (shortDescription != null && shortDescription.asText().length() > 150) {
                error(path + ".shortDescription", "must be at most 150 characters, not " + shortDescription.asText().length());
            }
            JsonNode longDescription = requiredText(text, path + ".", "longDescription");
            if (longDescription != null) {
                int length = longDescription.asText().length();
                if (length < 150 || length > 10_000) {
                    error(path + ".longDescription", "must be 150 to 10000 characters, not " + length);
                }
            }
            nonEmptyTextList(text, path + ".", "features", true);
            optionalUrl(text, path + ".", "documentation");
            optionalUrl(text, path + ".", "apiDocumentation");
        }
    }

    private void legal(JsonNode legal) {
        if (legal == null || !object(legal, "legal")) {
            return;
        }
        unknownKeys(legal, "legal.", LEGAL);
        JsonNode license = requiredText(legal, "legal.", "license");
        if (license != null && !isSpdxExpression(license.asText())) {
            error("legal.license", "must be an SPDX licence expression such as EUPL-1.2 or (MIT OR Apache-2.0)");
        }
    }

    private void maintenance(JsonNode maintenance) {
        if (maintenance == null || !object(maintenance, "maintenance")) {
            return;
        }
        unknownKeys(maintenance, "maintenance.", MAINTENANCE);
        JsonNode type = requiredText(maintenance, "maintenance.", "type");
        String kind = type == null ? null : type.asText();
        oneOf(type, "maintenance.type", MAINTENANCE_TYPES);
        JsonNode contractors = maintenance.get("contractors");
        if ("contract".equals(kind)) {
            List<JsonNode> list = nonEmptyList(maintenance, "maintenance.", "contractors", true);
            for (int i = 0; i < list.size(); i++) {
                String path = "maintenance.contractors[" + i + "]";
                if (object(list.get(i), path)) {
                    unknownKeys(list.get(i), path + ".", CONTRACTOR);
                    requiredText(list.get(i), path + ".", "name");
                    JsonNode until = requiredText(list.get(i), path + ".", "until");
                    if (until != null) {
                        date(path + ".until", until.asText());
                    }
                    optionalUrl(list.get(i), path + ".", "website");
                }
            }
        } else if (contractors != null && MAINTENANCE_TYPES.contains(kind)) {
            error("maintenance.contractors", "is only allowed when maintenance.type is contract");
        }
        boolean contactsRequired = "internal".equals(kind) || "community".equals(kind);
        JsonNode contacts = maintenance.get("contacts");
        if (contactsRequired || (contacts != null && !contacts.isNull())) {
            List<JsonNode> list = nonEmptyList(maintenance, "maintenance.", "contacts", true);
            for (int i = 0; i < list.size(); i++) {
                String path = "maintenance.contacts[" + i + "]";
                if (object(list.get(i), path)) {
                    unknownKeys(list.get(i), path + ".", CONTACT);
                    requiredText(list.get(i), path + ".", "name");
                }
            }
        }
    }

    private void localisation(JsonNode localisation) {
        if (localisation == null || !object(localisation, "localisation")) {
            return;
        }
        unknownKeys(localisation, "localisation.", LOCALISATION);
        JsonNode ready = required(localisation, "localisation.", "localisationReady");
        if (ready != null && !ready.isBoolean()) {
            error("localisation.localisationReady", "must be true or false");
        }
        List<JsonNode> languages = nonEmptyTextList(localisation, "localisation.", "availableLanguages", true);
        for (int i = 0; i < languages.size(); i++) {
            if (!BCP47.matcher(languages.get(i).asText()).matches()) {
                error("localisation.availableLanguages[" + i + "]", "is not a BCP 47 language tag");
            }
        }
    }

    private void intendedAudience(JsonNode audience) {
        if (audience == null || !object(audience, "intendedAudience")) {
            return;
        }
        unknownKeys(audience, "intendedAudience.", INTENDED_AUDIENCE);
        nonEmptyTextList(audience, "intendedAudience.", "countries", false);
        nonEmptyTextList(audience, "intendedAudience.", "unsupportedCountries", false);
        nonEmptyTextList(audience, "intendedAudience.", "scope", false);
    }

    /** SPDX license expression syntax: identifiers joined by AND / OR, an optional WITH exception, parentheses. */
    public static boolean isSpdxExpression(String expression) {
        String spaced = expression.replace("(", " ( ").replace(")", " ) ").trim();
        if (spaced.isEmpty()) {
            return false;
        }
        String[] tokens = spaced.split("\\s+");
        int depth = 0;
        boolean expectOperand = true;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("(")) {
                if (!expectOperand) {
                    return false;
                }
                depth++;
            } else if (token.equals(")")) {
                if (expectOperand || --depth < 0) {
                    return false;
                }
            } else if (token.equals("AND") || token.equals("OR")) {
                if (expectOperand) {
                    return false;
                }
                expectOperand = true;
            } else if (token.equals("WITH")) {
                if (expectOperand || i + 1 >= tokens.length || !SPDX_EXCEPTIONS.contains(tokens[++i].toLowerCase(Locale.ROOT))) {
                    return false;
                }
            } else {
                if (!expectOperand || !isLicenseId(token)) {
                    return false;
                }
                expectOperand = false;
            }
        }
        return depth == 0 && !expectOperand;
    }

    /** An SPDX License List identifier (case-insensitive, optionally "+": "or later") or a LicenseRef-. */
    private static boolean isLicenseId(String token) {
        String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
        return SPDX_LICENSES.contains(id.toLowerCase(Locale.ROOT)) || LICENSE_REF.matcher(id).matches();
    }

    private static Set<String> identifiers(String resource) {
        try (InputStream in = PublicCodeValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(id -> id.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode required(JsonNode parent, String prefix, String key) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            error(prefix + key, "is required");
            return null;
        }
        return value;
    }

    private JsonNode requiredText(JsonNode parent, String prefix, String key) {
        JsonNode value = required(parent, prefix, key);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            error(prefix + key, "must be a non-empty text");
            return null;
        }
        return value;
    }

    private List<JsonNode> nonEmptyList(JsonNode parent, String prefix, String key, boolean mandatory) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            if (mandatory) {
                error(prefix + key, "is required");
            }
            return List.of();
        }
        if (!value.isArray() || value.isEmpty()) {
            error(prefix + key, "must be a non-empty list");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private List<JsonNode> nonEmptyTextList(JsonNode parent, String prefix, String key, boolean mandatory) {
        List<JsonNode> items = nonEmptyList(parent, prefix, key, mandatory);
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isValueNode() || items.get(i).asText().isBlank()) {
                error(prefix + key + "[" + i + "]", "must be a non-empty text");
            }
        }
        return items;
    }

    private boolean object(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping");
            return false;
        }
        return true;
    }

    private void oneOf(JsonNode value, String path, Set<String> allowed) {
        if (value != null && !allowed.contains(value.asText())) {
            error(path, "must be one of " + allowed.stream().sorted().toList());
        }
    }

    private void optionalUrl(JsonNode parent, String key) {
        optionalUrl(parent, "", key);
    }

    private void optionalUrl(JsonNode parent, String prefix, String key) {
        JsonNode value = parent.get(key);
        if (value != null && !value.isNull()) {
            url(prefix + key, value.asText());
        }
    }

    private void url(String path, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase()) || uri.getHost() == null) {
                error(path, "must be an http(s) URL");
            }
        } catch (URISyntaxException e) {
            error(path, "must be an http(s) URL");
        }
    }

    private void optionalDate(JsonNode parent, String prefix, String key) {
        JsonNode value = parent.get(key);
        if (value != null && !value.isNull()) {
            date(prefix + key, value.asText());
        }
    }

    private void date(String path, String value) {
        try {
            if (!DATE.matcher(value).matches()) {
                throw new DateTimeParseException("format", value, 0);
            }
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(path, "must be a date YYYY-MM-DD");
        }
    }

    private void unknownKeys(JsonNode node, String prefix, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(prefix + name, "is not a key of publiccode.yml 0.4");
            }
        }
    }

    private void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }
}
