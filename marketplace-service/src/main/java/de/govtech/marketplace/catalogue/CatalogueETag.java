package de.govtech.marketplace.catalogue;

import java.util.HexFormat;

/**
 * The entity tag of a catalogue search's answer (RFC 9110 §8.8.3): weak, made of the catalogue version (V12) and of
 * what was asked (statement, parameters, page and size), so it changes with every change of the catalogue and differs
 * between searches. Weak because the same answer may be written with other bytes (e.g. another JSON writer). Plain
 * Java, unit-tested without Quarkus.
 */
final class CatalogueETag {

    private CatalogueETag() {
    }

    /** {@code W/"<version>-<hash of the search>"} */
    static String of(long version, Object search) {
        return "W/\"" + version + "-" + HexFormat.of().toHexDigits(search.hashCode()) + "\"";
    }

    /**
     * Whether an {@code If-None-Match} header names the tag: {@code *}, or one of its comma-separated tags equal to
     * it by the weak comparison (the {@code W/} prefix ignored). A missing or empty header matches nothing.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
