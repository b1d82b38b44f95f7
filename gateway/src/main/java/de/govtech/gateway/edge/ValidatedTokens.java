package de.govtech.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What the identity provider's check of a bearer token gave (its signature, issuer, audience and expiry checked once),
 * remembered by the SHA-256 of the token, so the signature is not verified again on each request of the same token.
 * A remembered token is found only until its own expiry ({@code exp}) — checked on every lookup against the clock —
 * and at most {@code maxAge} after it was checked; any other string (another signature, issuer or audience changes
 * the token) has another hash and goes to the provider. Bounded: the least recently used tokens are dropped first.
 */
public final class ValidatedTokens<V> {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private final Cache<TokenHash, Entry<V>> entries;
    private final Clock clock;
    private final long maxAgeMillis;
    private final boolean enabled;

    public ValidatedTokens(long maxSize, Duration maxAge, Clock clock) {
        this.clock = clock;
        this.maxAgeMillis = maxAge.toMillis();
        this.enabled = maxSize > 0 && maxAgeMillis > 0;
        this.entries = Caffeine.newBuilder()
                .maximumSize(Math.max(0, maxSize))
                .expireAfterWrite(Math.max(1, maxAgeMillis), TimeUnit.MILLISECONDS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /** The remembered value of this token, or null when it is unknown, expired or older than the maximum age. */
    public V find(String token) {
        if (!enabled) {
            return null;
        }
        TokenHash key = TokenHash.of(token);
        Entry<V> entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (clock.millis() >= entry.validUntilMillis()) {
            entries.invalidate(key);
            return null;
        }
        return entry.value();
    }

    /** Remembers what the provider's check of this token gave, until its expiry (never beyond the maximum age). */
    public void remember(String token, Instant expiresAt, V value) {
        long now = clock.millis();
        long validUntil = Math.min(expiresAt.toEpochMilli(), now + maxAgeMillis);
        if (enabled && validUntil > now) {
            entries.put(TokenHash.of(token), new Entry<>(value, validUntil));
        }
    }

    /** Tokens remembered now (after pending evictions). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private record Entry<V>(V value, long validUntilMillis) {
    }

    /** SHA-256 of the token: the cache never holds a token itself. */
    private static final class TokenHash {

        private final byte[] digest;
        private final int hash;

        private TokenHash(byte[] digest) {
            this.digest = digest;
            this.hash = Arrays.hashCode(digest);
        }

        static TokenHash of(String token) {
            MessageDigest sha256 = SHA_256.get();
            sha256.reset();
            return new TokenHash(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenHash that && MessageDigest.isEqual(digest, that.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
