package de.govtech.membership.founding;

import de.govtech.membership.municipalities.Laender;
import de.govtech.membership.municipalities.OfficialKeys;
import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.support.problem.FieldError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code govtech/founding-members.csv} (a copy of the shared reference data, columns
 * {@code name,type,land,official_key,key_kind,ars,ars_basis,population,population_date,sources}). Only the last
 * column may contain commas. Empty cells stay empty (null): no key or figure is invented.
 */
public final class FoundingMembersCsv {

    public static final String RESOURCE = "govtech/founding-members.csv";

    private static final Map<String, MunicipalityType> TYPES = Map.of(
            "Gemeinde", MunicipalityType.GEMEINDE,
            "Stadt", MunicipalityType.STADT,
            "kreisfreie Stadt", MunicipalityType.KREISFREIE_STADT,
            "Landkreis", MunicipalityType.LANDKREIS,
            "Amt", MunicipalityType.AMT_VERBANDSGEMEINDE,
            "Verbandsgemeinde", MunicipalityType.AMT_VERBANDSGEMEINDE);

    private FoundingMembersCsv() {
    }

    public static List<FoundingMember> load() {
        InputStream in = FoundingMembersCsv.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FoundingMember> parse(List<String> lines) {
        List<FoundingMember> members = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                members.add(row(line, i + 1));
            }
        }
        return members;
    }

    private static FoundingMember row(String line, int lineNumber) {
        String[] cells = line.split(",", 10);
        if (cells.length < 9) {
            throw new IllegalArgumentException("line " + lineNumber + ": expected 10 columns: " + line);
        }
        MunicipalityType type = TYPES.get(cells[1].trim());
        String land = Laender.codeOf(cells[2]).orElse(null);
        if (type == null || land == null) {
            throw new IllegalArgumentException("line " + lineNumber + ": unknown type or Land: " + line);
        }
        String key = emptyToNull(cells[3]);
        String ars = emptyToNull(cells[5]);
        String population = emptyToNull(cells[7]);
        List<FieldError> errors = OfficialKeys.check(type, land, key, ars);
        if (key == null || !errors.isEmpty()) {
            throw new IllegalArgumentException("line " + lineNumber + ": invalid official key: " + errors);
        }
        String populationDate = emptyToNull(cells[8]);
        return new FoundingMember(cells[0].trim(), type, land, key, ars,
                population == null ? null : Integer.valueOf(population),
                population == null || populationDate == null ? null : LocalDate.parse(populationDate));
    }

    private static String emptyToNull(String cell) {
        String value = cell.trim();
        return value.isEmpty() ? null : value;
    }
}
