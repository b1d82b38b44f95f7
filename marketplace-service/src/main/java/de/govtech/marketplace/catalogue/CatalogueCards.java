package de.govtech.marketplace.catalogue;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>Bounded by an estimate of the cards' size in memory: when a card would pass the bound, the cards kept so far are
 * dropped and the new one starts afresh (as {@link CataloguePageCache} does).
 */
@Singleton
final class CatalogueCards {

    /** What a card was made from: the rows it was read from, as they were. */
    record Source(UUID listingId, int revision, long rowVersion, String slug, UUID vendorId, String vendorName) {
    }

    /** Writes an app as JSON the usual way (Jackson's own serializer for the record). */
    @FunctionalInterface
    interface Writer {
        String json(CatalogueApp app) throws IOException;
    }

    /** What a card costs besides its texts (ids, plans, compliance, object headers); its texts count three times. */
    private static final long CARD_OVERHEAD = 1_536;

    private final long maxBytes;
    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation());

    @Inject
    CatalogueCards(CatalogueConfig config) {
        this(config.cardCacheBytes());
    }

    /** @param maxBytes estimated memory the cards may take; 0 keeps none */
    CatalogueCards(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The app kept for exactly this source, or null. */
    CatalogueApp app(Source source) {
        Card card = current.get().cards.get(new Key(source.listingId(), source.revision()));
        return card != null && card.source.equals(source) ? card.app : null;
    }

    /** Keeps {@code app}, made from {@code source}. */
    void keep(Source source, CatalogueApp app) {
        long bytes = bytes(app);
        if (bytes > maxBytes) {
            return;
        }
        Generation generation = current.get();
        if (generation.bytes.addAndGet(bytes) > maxBytes) {
            current.compareAndSet(generation, new Generation());
            generation = current.get();
            generation.bytes.addAndGet(bytes);
        }
        generation.cards.put(new Key(source.listingId(), source.revision()), new Card(source, app));
    }

    /**
     * The JSON of {@code app} when it is a kept card's app (the same object), written by {@code writer} the first
     * time; null for any other app.
     */
    SerializableString json(CatalogueApp app, Writer writer) throws IOException {
        Card card = current.get().cards.get(new Key(app.id(), app.revision()));
        if (card == null || card.app != app) {
            return null;
        }
        SerializableString json = card.json;
        if (json == null) {
            // two writers may both write it: the same text, either is kept
            json = new SerializedString(writer.json(app));
            card.json = json;
        }
        return json;
    }

    /** The number of cards kept (for tests). */
    int size() {
        return current.get().cards.size();
    }

    static long bytes(CatalogueApp app) {
        return CARD_OVERHEAD + 3L * app.textLength();
    }

    private record Key(UUID listingId, int revision) {
    }

    private static final class Card {
        final Source source;
        final CatalogueApp app;
        volatile SerializableString json;

        Card(Source source, CatalogueApp app) {
            this.source = source;
            this.app = app;
        }
    }

    private static final class Generation {
        final ConcurrentHashMap<Key, Card> cards = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();
    }
}
