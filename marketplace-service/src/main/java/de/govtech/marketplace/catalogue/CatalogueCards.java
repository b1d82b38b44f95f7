package de.govtech.marketplace.catalogue;

import com.fasterxml.jackson.core.SerializableString;
import com.github.benmanes.caffeine.cache.Cache;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.UUID;

/**
 * The apps the catalogue answered, each read once and written as JSON once (issue 14): turning a revision's stored
 * content into an app and the app into JSON was about half of the service's CPU per text search, and a published
 * revision's card is the same in every answer that shows it. Unit-tested without Quarkus.
 *
 * <p>Correct by construction rather than by expiry: a card is answered again only for the same {@link Source} — the
 * same listing, revision, row version of the revision (PostgreSQL's {@code xmin}, new with every update of the row,
 * so a changed content or decision is a new source), slug and vendor — and its JSON only for the very app it was
 * made from; anything else is read and written afresh.
 *
 * <p>Bounded by an estimate of the cards' size in memory, by Caffeine's frequency-based eviction: a new card is kept
 * when it is asked for more often than the card it would replace. Cards live long enough to reach the old generation,
 * so dropping them all when full (as {@link CataloguePageCache} did with its pages) turned a mix of searches wider
 * than the bound into a full collection every second or so (85 ms each on the service's small heap).
 */
@Singleton
final class CatalogueCards {

    /** What a card was made from: the rows it was read from, as they were. */
    record Source(UUID listingId, int revision, long rowVersion, String slug, UUID vendorId, String vendorName) {
    }

    /** Writes an app as JSON the usual way (Jackson's own serializer for the record), in UTF-8. */
    @FunctionalInterface
    interface Writer {
        byte[] json(CatalogueApp app) throws IOException;
    }

    /**
     * What a card costs besides its texts (ids, plans, compliance, object headers); its texts count twice, in the app
     * and in its JSON's bytes.
     */
    private static final long CARD_OVERHEAD = 1_536;

    private final long maxBytes;
    private final Cache<Key, Card> cards;

    @Inject
    CatalogueCards(CatalogueConfig config) {
        this(config.cardCacheBytes());
    }

    /** @param maxBytes estimated memory the cards may take; 0 keeps none */
    CatalogueCards(long maxBytes) {
        this.maxBytes = maxBytes;
        this.cards = KeptInMemory.boundedBy(maxBytes, card -> bytes(card.app));
    }

    /** The app kept for exactly this source, or null. */
    CatalogueApp app(Source source) {
        Card card = cards.getIfPresent(new Key(source.listingId(), source.revision()));
        return card != null && card.source.equals(source) ? card.app : null;
    }

    /** Keeps {@code app}, made from {@code source}. */
    void keep(Source source, CatalogueApp app) {
        if (bytes(app) <= maxBytes) {
            cards.put(new Key(source.listingId(), source.revision()), new Card(source, app));
        }
    }

    /**
     * The JSON of {@code app} when it is a kept card's app (the same object), written by {@code writer} the first
     * time; null for any other app.
     */
    SerializableString json(CatalogueApp app, Writer writer) throws IOException {
        Card card = cards.getIfPresent(new Key(app.id(), app.revision()));
        if (card == null || card.app != app) {
            return null;
        }
        Utf8Json json = card.json;
        if (json == null) {
            // two writers may both write it: the same text, either is kept
            json = new Utf8Json(writer.json(app));
            card.json = json;
        }
        return json;
    }

    /** The number of cards kept (for tests). */
    int size() {
        cards.cleanUp();
        return (int) cards.estimatedSize();
    }

    static long bytes(CatalogueApp app) {
        return CARD_OVERHEAD + 2L * app.textLength();
    }

    private record Key(UUID listingId, int revision) {
    }

    private static final class Card {
        final Source source;
        final CatalogueApp app;
        volatile Utf8Json json;

        Card(Source source, CatalogueApp app) {
            this.source = source;
            this.app = app;
        }
    }
}
