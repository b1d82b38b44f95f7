package de.govtech.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ValidatedTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final ValidatedTokens<String> tokens = new ValidatedTokens<>(100, Duration.ofMinutes(5), clock);

    @Test
    void aTokenIsFoundUntilItExpiresAndNotAfter() {
        tokens.remember("header.alice.signature", clock.instant().plusSeconds(60), "alice");

        assertEquals("alice", tokens.find("header.alice.signature"));
        clock.move(Duration.ofSeconds(59));
        assertEquals("alice", tokens.find("header.alice.signature"));
        clock.move(Duration.ofSeconds(1));
        assertNull(tokens.find("header.alice.signature"), "expired at exp, although younger than the maximum age");
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterTheMaximumAge() {
        tokens.remember("header.bob.signature", clock.instant().plus(Duration.ofHours(1)), "bob");

        clock.move(Duration.ofMinutes(5).minusSeconds(1));
        assertEquals("bob", tokens.find("header.bob.signature"));
        clock.move(Duration.ofSeconds(1));
        assertNull(tokens.find("header.bob.signature"));
    }

    @Test
    void onlyTheVeryStringThatWasCheckedIsFound() {
        tokens.remember("header.carol.signature", clock.instant().plusSeconds(60), "carol");

        assertNull(tokens.find("header.carol.signaturf"), "another signature");
        assertNull(tokens.find("header.carol.signature "));
        assertNull(tokens.find("header.carol2.signature"));
        assertNull(tokens.find("Header.carol.signature"));
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        tokens.remember("header.dave.signature", clock.instant(), "dave");

        assertNull(tokens.find("header.dave.signature"));
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheIsBounded() {
        ValidatedTokens<String> small = new ValidatedTokens<>(3, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 50; i++) {
            small.remember("header.user" + i + ".signature", clock.instant().plusSeconds(60), "user" + i);
        }

        assertTrue(small.size() <= 3, "holds " + small.size());
    }

    @Test
    void sizeZeroTurnsItOff() {
        ValidatedTokens<String> off = new ValidatedTokens<>(0, Duration.ofMinutes(5), clock);
        off.remember("header.erin.signature", clock.instant().plusSeconds(60), "erin");

        assertNull(off.find("header.erin.signature"));
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
