package de.govtech.marketplace.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The entity tag of a catalogue search's answer (RFC 9110 §8.8.3): weak, made of the catalogue version (V12) and of
 * a digest of what was asked (the search's canonical form with page and size, {@link CatalogueQuery#key}), so it
 * changes with every change of the catalogue and differs between searches. The digest is SHA-256 of that text, not
 * a Java hash code: every replica, every restart and every JDK gives the same search the same tag, so a client's
 * copy revalidates with a 304 wherever its next request lands. Weak because the same answer may be written with
 * other bytes (e.g. another JSON writer). Plain Java, unit-tested without Quarkus.
 */
final class CatalogueETag {

    private CatalogueETag() {
    }

    // 96 bits of the digest: 16 characters of base64url, no two searches alike in practice
    private static final int DIGEST_BYTES = 12;

    /** {@code W/"<version>-<base64url of the first 12 bytes of SHA-256 of the search's UTF-8 text>"} */
    static String of(long version, String search) {
        byte[] digest = Arrays.copyOf(sha256(search.getBytes(StandardCharsets.UTF_8)), DIGEST_BYTES);
        return "W/\"" + version + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
    }

    private static byte[] sha256(byte[] text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
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
