package de.govtech.membership.municipalities;

import java.util.Map;
import java.util.Optional;

/** The 16 Länder and their two-digit codes (the first two digits of every official key). */
public final class Laender {

    private static final Map<String, String> CODE_BY_NAME = Map.ofEntries(
            Map.entry("Schleswig-Holstein", "01"), Map.entry("Hamburg", "02"), Map.entry("Niedersachsen", "03"),
            Map.entry("Bremen", "04"), Map.entry("Nordrhein-Westfalen", "05"), Map.entry("Hessen", "06"),
            Map.entry("Rheinland-Pfalz", "07"), Map.entry("Baden-Württemberg", "08"), Map.entry("Bayern", "09"),
            Map.entry("Saarland", "10"), Map.entry("Berlin", "11"), Map.entry("Brandenburg", "12"),
            Map.entry("Mecklenburg-Vorpommern", "13"), Map.entry("Sachsen", "14"), Map.entry("Sachsen-Anhalt", "15"),
            Map.entry("Thüringen", "16"));

    private Laender() {
    }

    public static Optional<String> codeOf(String name) {
        return Optional.ofNullable(name == null ? null : CODE_BY_NAME.get(name.trim()));
    }
}
