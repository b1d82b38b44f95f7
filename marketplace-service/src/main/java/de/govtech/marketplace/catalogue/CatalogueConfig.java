package de.govtech.marketplace.catalogue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the public catalogue. */
@ConfigMapping(prefix = "govtech.marketplace.catalogue")
public interface CatalogueConfig {

    /**
     * Estimated memory (bytes) the catalogue pages kept for repeated searches may take; 0 keeps none. The pages are
     * kept only while the catalogue's version stands (see CataloguePageCache).
     */
    @WithDefault("8388608")
    long pageCacheBytes();

    /**
     * Estimated memory (bytes) the apps answered may take, each kept with its JSON (see CatalogueCards); 0 keeps none.
     * A kept app is answered again only while its rows are unchanged.
     */
    @WithDefault("4194304")
    long cardCacheBytes();
}
