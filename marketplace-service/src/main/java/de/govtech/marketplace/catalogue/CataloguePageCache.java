package de.govtech.marketplace.catalogue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The catalogue pages answered at the current version of the catalogue (V12's {@code catalogue_version}), so that
 * the same search asked again costs a lookup instead of a search, its facet counts and the page's content. Plain Java,
 * unit-tested without Quarkus.
 *
 * <p>Correct by construction rather than by expiry: a page is kept under the version read <em>before</em> the search
 * ran, so it shows that version or a later one, never an earlier; the first answer kept for a higher version drops
 * every page of the lower ones, and an answer for a lower version than the kept ones is not kept. A reader that sees
 * a new version therefore never gets a page from before it.
 *
 * <p>Bounded by an estimate of the pages' size in memory: when a page would pass the bound, the pages kept so far are
 * dropped and the new one starts afresh (a crude but constant-time bound; the popular searches come back at once).
 */
final class CataloguePageCache {

    /** What an app costs besides its texts (ids, plans, compliance, object headers), and a page's facets. */
    private static final long APP_OVERHEAD = 1_024;
    private static final long PAGE_OVERHEAD = 2_048;

    private final long maxBytes;
    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(Long.MIN_VALUE));

    /** @param maxBytes estimated memory the kept pages may take; 0 keeps nothing */
    CataloguePageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The page kept for {@code key} at exactly {@code version}, or null. */
    CataloguePage get(long version, Object key) {
        Generation generation = current.get();
        return generation.version == version ? generation.pages.get(key) : null;
    }

    /** Keeps {@code page}, the answer to {@code key} of a search that ran after {@code version} was read. */
    void put(long version, Object key, CataloguePage page) {
        long bytes = bytes(page);
        if (bytes > maxBytes) {
            return;
        }
        while (true) {
            Generation generation = current.get();
            if (version < generation.version) {
                return;
            }
            if (version > generation.version || generation.bytes.get() + bytes > maxBytes) {
                Generation fresh = new Generation(version);
                if (!current.compareAndSet(generation, fresh)) {
                    continue;
                }
                generation = fresh;
            }
            if (generation.pages.putIfAbsent(key, page) == null) {
                generation.bytes.addAndGet(bytes);
            }
            return;
        }
    }

    /** The number of pages kept (for tests). */
    int size() {
        return current.get().pages.size();
    }

    static long bytes(CataloguePage page) {
        long bytes = PAGE_OVERHEAD;
        for (CatalogueApp app : page.items()) {
            bytes += APP_OVERHEAD + 2L * app.textLength();
        }
        return bytes;
    }

    private static final class Generation {
        final long version;
        final ConcurrentHashMap<Object, CataloguePage> pages = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();

        Generation(long version) {
            this.version = version;
        }
    }
}
