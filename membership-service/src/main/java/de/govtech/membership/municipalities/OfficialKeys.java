package de.govtech.membership.municipalities;

import de.govtech.platform.events.membership.MunicipalityType;
import de.govtech.platform.support.problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Rules of the official keys of German local authorities (Destatis):
 * <ul>
 *   <li>AGS, Amtlicher Gemeindeschlüssel — 8 digits: Land 2, Regierungsbezirk 1, Kreis 2, Gemeinde 3;</li>
 *   <li>ARS, Amtlicher Regionalschlüssel — 12 digits: Land 2, Regierungsbezirk 1, Kreis 2, Gemeindeverband 4,
 *       Gemeinde 3 (its digits 1–5 and 10–12 are the AGS);</li>
 *   <li>Kreisschlüssel — 5 digits (a Landkreis); Verbandsschlüssel — 9 digits, ARS digits 1–9 (an Amt /
 *       Verbandsgemeinde).</li>
 * </ul>
 * Every key begins with the two-digit code of its Land, 01 (Schleswig-Holstein) to 16 (Thüringen).
 */
public final class OfficialKeys {

    /** The kind of key, told apart by its length. */
    public enum KeyKind {
        KREISSCHLUESSEL(5), AGS(8), VERBANDSSCHLUESSEL(9), ARS(12);

        private final int digits;

        KeyKind(int digits) {
            this.digits = digits;
        }

        public int digits() {
            return digits;
        }
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern LAND = Pattern.compile("0[1-9]|1[0-6]");

    private OfficialKeys() {
    }

    /** The id of a municipality created from its official key (also the founding members' ids). */
    public static UUID municipalityId(String officialKey) {
        return UUID.nameUUIDFromBytes(("govtech:municipality:" + officialKey).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isLandCode(String land) {
        return land != null && LAND.matcher(land).matches();
    }

    public static Optional<KeyKind> kindOf(String key) {
        if (key == null || !DIGITS.matcher(key).matches()) {
            return Optional.empty();
        }
        for (KeyKind kind : KeyKind.values()) {
            if (kind.digits == key.length()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kinds of key a type of authority is keyed by. */
    public static List<KeyKind> kindsFor(MunicipalityType type) {
        return switch (type) {
            case LANDKREIS -> List.of(KeyKind.KREISSCHLUESSEL);
            case AMT_VERBANDSGEMEINDE -> List.of(KeyKind.VERBANDSSCHLUESSEL);
            case GEMEINDE, STADT, KREISFREIE_STADT -> List.of(KeyKind.AGS, KeyKind.ARS);
        };
    }

    /**
     * All violations of the key rules, each naming its request field ({@code officialKey}, {@code land},
     * {@code ars}); empty when the combination is valid. {@code ars} may be {@code null}. Null type, land or key
     * are left to bean validation and produce no entry here.
     */
    public static List<FieldError> check(MunicipalityType type, String land, String officialKey, String ars) {
        List<FieldError> errors = new ArrayList<>();
        if (land != null && !isLandCode(land)) {
            errors.add(new FieldError("land", "must be a Land code from 01 to 16"));
        }
        if (officialKey == null) {
            return errors;
        }
        Optional<KeyKind> kind = kindOf(officialKey);
        if (kind.isEmpty()) {
            errors.add(new FieldError("officialKey", "must consist of 5, 8, 9 or 12 digits"));
            return errors;
        }
        String keyLand = officialKey.substring(0, 2);
        if (!isLandCode(keyLand)) {
            errors.add(new FieldError("officialKey", "must begin with a Land code from 01 to 16, not " + keyLand));
        } else if (isLandCode(land) && !land.equals(keyLand)) {
            errors.add(new FieldError("land", "must be " + keyLand + ", the Land of officialKey " + officialKey));
        }
        if (type != null && !kindsFor(type).contains(kind.get())) {
            errors.add(new FieldError("officialKey", "a " + type + " is keyed by " + describe(kindsFor(type))
                    + ", not by a " + kind.get().digits() + "-digit key"));
        }
        if (ars != null) {
            if (kindOf(ars).filter(k -> k == KeyKind.ARS).isEmpty()) {
                errors.add(new FieldError("ars", "must consist of 12 digits"));
            } else if (!consistent(kind.get(), officialKey, ars)) {
                errors.add(new FieldError("ars", "does not match officialKey " + officialKey));
            }
        }
        return errors;
    }

    private static boolean consistent(KeyKind kind, String key, String ars) {
        return switch (kind) {
            case ARS -> ars.equals(key);
            case AGS -> ars.substring(0, 5).equals(key.substring(0, 5)) && ars.substring(9).equals(key.substring(5));
            case VERBANDSSCHLUESSEL, KREISSCHLUESSEL -> ars.startsWith(key);
        };
    }

    private static String describe(List<KeyKind> kinds) {
        return String.join(" or ", kinds.stream().map(k -> k.name() + " (" + k.digits() + " digits)").toList());
    }
}
