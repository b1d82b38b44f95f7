package de.govtech.marketplace.listings;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/** Marketplace settings ({@code govtech.marketplace.*}). */
@ConfigMapping(prefix = "govtech.marketplace")
public interface MarketplaceConfig {

    /** Deutschlandplattform cloud targets ({@code provider:region}) a listing may name. */
    List<String> cloudTargets();
}
