package de.govtech.marketplace.catalogue;

import com.github.benmanes.caffeine.cache.Cache;

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
 * <p>Bounded by an estimate of the pages' size in memory, by Caffeine's frequency-based eviction (as
 * {@link CatalogueCards}): a new page displaces a kept one only when it is asked for more often. Dropping all pages
 * when the next would pass the bound made a mix of searches wider than the bound a full collection every second or
 * two (the pages had lived long enough to be promoted; docs/PERFORMANCE.md, the catalogue's mixed cell).
 */
final class CataloguePageCache {

    /** What an app costs besides its texts (ids, plans, compliance, object headers), and a page's facets. */
    private static final long APP_OVERHEAD = 1_024;
    private static final long PAGE_OVERHEAD = 2_048;

    private final long maxBytes;
    private final AtomicReference<Generation> current;

    /** @param maxBytes estimated memory the kept pages may take; 0 keeps nothing */
    CataloguePageCache(long maxBytes) {
        this.maxBytes = maxBytes;
        this.current = new AtomicReference<>(new Generation(Long.MIN_VALUE, newPages()));
    }

    /** The page kept for {@code key} at exactly {@code version}, or null. */
    CataloguePage get(long version, Object key) {
        Generation generation = current.get();
        return generation.version == version ? generation.pages.getIfPresent(key) : null;
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
            if (version > generation.version) {
                Generation fresh = new Generation(version, newPages());
                if (!current.compareAndSet(generation, fresh)) {
                    continue;
                }
                generation = fresh;
            }
            generation.pages.asMap().putIfAbsent(key, page);
            return;
        }
    }

    private Cache<Object, CataloguePage> newPages() {
        return KeptInMemory.boundedBy(maxBytes, CataloguePageCache::bytes);
    }

    /** The number of pages kept (for tests). */
    int size() {
        Cache<Object, CataloguePage> pages = current.get().pages;
        pages.cleanUp();
        return (int) pages.estimatedSize();
    }

    static long bytes(CataloguePage page) {
        long bytes = PAGE_OVERHEAD;
        for (CatalogueApp app : page.items()) {
            bytes += APP_OVERHEAD + 2L * app.textLength();
        }
        return bytes;
    }

    private record Generation(long version, Cache<Object, CataloguePage> pages) {
    }
}
