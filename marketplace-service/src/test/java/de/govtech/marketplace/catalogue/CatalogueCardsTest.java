package de.govtech.marketplace.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.listings.PriceModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class CatalogueCardsTest {

    private static final long ROOMY = 1L << 20;
    private static final UUID LISTING = UUID.fromString("5b0c8a5e-1c52-4d0e-a0f4-7f6f8e9d0a01");
    private static final UUID VENDOR = UUID.fromString("5b0c8a5e-1c52-4d0e-a0f4-7f6f8e9d0a02");
    private static final CatalogueCards.Source SOURCE = new CatalogueCards.Source(LISTING, 2, 4711, "deichschau",
            VENDOR, "Deichwerk GmbH");

    @Test
    void anAppIsAnsweredAgainOnlyForTheSameRows() {
        CatalogueCards cards = new CatalogueCards(ROOMY);
        CatalogueApp app = app("Deichschau");
        assertNull(cards.app(SOURCE));
        cards.keep(SOURCE, app);

        assertSame(app, cards.app(new CatalogueCards.Source(LISTING, 2, 4711, "deichschau", VENDOR, "Deichwerk GmbH")));
        assertNull(cards.app(new CatalogueCards.Source(LISTING, 2, 4712, "deichschau", VENDOR, "Deichwerk GmbH")),
                "the revision's row was updated (its content or decision)");
        assertNull(cards.app(new CatalogueCards.Source(LISTING, 2, 4711, "deichschau-neu", VENDOR, "Deichwerk GmbH")));
        assertNull(cards.app(new CatalogueCards.Source(LISTING, 2, 4711, "deichschau", VENDOR, "Deichwerk AG")));
        assertNull(cards.app(new CatalogueCards.Source(LISTING, 3, 4711, "deichschau", VENDOR, "Deichwerk GmbH")));
    }

    /** A kept app's JSON is the text Jackson writes for the record, written once; another app is written as usual. */
    @Test
    void aKeptAppIsWrittenAsJacksonWritesTheRecordAndOnlyOnce() throws Exception {
        CatalogueCards cards = new CatalogueCards(ROOMY);
        ObjectMapper plain = mapper();
        ObjectMapper withCards = mapper();
        withCards.registerModule(CatalogueCardJson.module(() -> cards, withCards.getFactory()));
        CatalogueApp kept = app("Deichschau \"Nord\" – Pegel & Wehr");
        cards.keep(SOURCE, kept);
        CatalogueApp other = app("Sielwart");
        CataloguePage page = new CataloguePage(List.of(kept, other), 0, 20, 2,
                new CatalogueFacets(Map.of("INFRASTRUCTURE", 2L), Map.of(), Map.of(), Map.of()));

        String expected = plain.writeValueAsString(page);
        assertEquals(expected, withCards.writeValueAsString(page));
        assertEquals(expected, withCards.writeValueAsString(page), "the kept JSON answered again");
        assertArrayEquals(plain.writeValueAsBytes(page), withCards.writeValueAsBytes(page), "as UTF-8, as answers are");
        assertEquals(plain.writeValueAsString(kept), withCards.writeValueAsString(kept));

        AtomicInteger writes = new AtomicInteger();
        CatalogueCards.Writer counting = app -> {
            writes.incrementAndGet();
            return "{}".getBytes(StandardCharsets.UTF_8);
        };
        CatalogueCards fresh = new CatalogueCards(ROOMY);
        fresh.keep(SOURCE, kept);
        fresh.json(kept, counting);
        fresh.json(kept, counting);
        assertEquals(1, writes.get());
        assertNull(fresh.json(app("Deichschau \"Nord\" – Pegel & Wehr"), counting),
                "an equal app that is not the kept one");
    }

    @Test
    void theCardsStayWithinTheBoundAndZeroKeepsNone() {
        CatalogueApp first = app("A");
        CatalogueCards cards = new CatalogueCards(CatalogueCards.bytes(first) * 3 / 2);
        cards.keep(SOURCE, first);
        CatalogueCards.Source second = new CatalogueCards.Source(UUID.randomUUID(), 1, 1, "b", VENDOR, "Deichwerk");
        cards.keep(second, app("B"));
        assertEquals(1, cards.size(), "one of the two cards is kept: both would pass the bound");

        CatalogueCards none = new CatalogueCards(0);
        none.keep(SOURCE, first);
        assertNull(none.app(SOURCE));
    }

    @Test
    void aCardAskedForOftenStaysWhileAWideMixOfAppsPassesThrough() {
        CatalogueCards cards = new CatalogueCards(10 * CatalogueCards.bytes(app("A")));
        for (int i = 0; i < 10; i++) {
            cards.keep(source("earlier-" + i), app("A"));
        }
        // Caffeine counts how often a key is asked for once the cache is half full
        CatalogueApp popular = app("Deichschau");
        cards.keep(SOURCE, popular);
        for (int i = 0; i < 3; i++) {
            cards.app(SOURCE);
        }
        for (int i = 0; i < 100; i++) {
            if (i % 10 == 0) {
                assertSame(popular, cards.app(SOURCE), "still kept after " + i + " other apps");
            }
            cards.keep(source("other-" + i), app("A"));
        }
        assertSame(popular, cards.app(SOURCE));
    }

    private static CatalogueCards.Source source(String slug) {
        return new CatalogueCards.Source(UUID.randomUUID(), 1, 1, slug, VENDOR, "Deichwerk GmbH");
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static CatalogueApp app(String name) {
        return new CatalogueApp(LISTING, "deichschau", VENDOR, "Deichwerk GmbH", name, "Pegel für Köge und Siele",
                "Zeigt Pegelstände, Wehre und Schöpfwerke – mit Warnungen.", ListingCategory.INFRASTRUCTURE,
                List.of("Pegel", "Küste"), List.of(new ListingContent.Plan("Standard", "Alle Pegel",
                        PriceModel.PER_INHABITANT_PER_YEAR, new BigDecimal("0.12"))),
                new ListingContent.Compliance(true, true, true, false, "EUPL-1.2"), List.of("stackit:eu01"),
                "https://docs.example.de", "https://support.example.de", 2, Instant.parse("2026-06-01T10:00:00Z"));
    }
}
