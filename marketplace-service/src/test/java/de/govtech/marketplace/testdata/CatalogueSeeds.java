package de.govtech.marketplace.testdata;

import de.govtech.marketplace.TestVendors;
import de.govtech.marketplace.listings.Listing;
import de.govtech.marketplace.listings.ListingCategory;
import de.govtech.marketplace.listings.ListingContent;
import de.govtech.marketplace.listings.ListingContentJson;
import de.govtech.marketplace.listings.ListingRevision;
import de.govtech.marketplace.listings.ListingStatus;
import de.govtech.marketplace.listings.PriceModel;
import de.govtech.marketplace.listings.RevisionStatus;
import de.govtech.marketplace.osb.PasswordCipher;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Apps of one vendor written straight into the database for the catalogue and subscription tests: a listing in the
 * given status with revision 1 — published (decided) unless the listing is a DRAFT. A DELISTED listing keeps its
 * PUBLISHED revision, as delisting leaves it. The broker password is stored encrypted, as the service stores it.
 * Seeding is idempotent per slug, so every test may seed the same apps again.
 *
 * <pre>{@code
 * CatalogueSeeds.vendor(VENDOR, "Katalog Anbieter").app("ratsinfo-digital", "Ratsinfo Digital")
 *         .category(ListingCategory.ADMINISTRATION).cloudTargets("stackit:eu01").bsiC5(true).seed();
 * }</pre>
 */
public final class CatalogueSeeds {

    private final String vendorId;

    private CatalogueSeeds(String vendorId) {
        this.vendorId = vendorId;
    }

    /** The vendor of the apps that follow, registered and verified if it is not there yet. */
    public static CatalogueSeeds vendor(String id, String name) {
        TestVendors.ensure(id, name, true);
        return new CatalogueSeeds(id);
    }

    /** A published app with one free plan, hosted in Germany on stackit:eu01, unless told otherwise. */
    public App app(String slug, String name) {
        return new App(vendorId, slug, name);
    }

    public static final class App {
        private final String vendorId;
        private final String slug;
        private final String name;
        private String summary = "Kurzbeschreibung";
        private String description = "Ein Dienst.";
        private ListingStatus status = ListingStatus.PUBLISHED;
        private ListingCategory category = ListingCategory.ADMINISTRATION;
        private List<String> tags = List.of("Kommune");
        private List<ListingContent.Plan> plans = List.of(Plans.FREE);
        private List<String> cloudTargets = List.of("stackit:eu01");
        private boolean bsiC5;
        private boolean bitvAccessible;
        private String licence;
        private Instant publishedAt;
        private URI brokerUrl = URI.create("https://broker.example.de");
        private String brokerUsername = "u";
        private String brokerPassword = "p";

        private App(String vendorId, String slug, String name) {
            this.vendorId = vendorId;
            this.slug = slug;
            this.name = name;
        }

        public App summary(String value) {
            summary = value;
            return this;
        }

        public App description(String value) {
            description = value;
            return this;
        }

        public App status(ListingStatus value) {
            status = value;
            return this;
        }

        public App category(ListingCategory value) {
            category = value;
            return this;
        }

        public App tags(String... values) {
            tags = List.of(values);
            return this;
        }

        public App plans(ListingContent.Plan... values) {
            plans = List.of(values);
            return this;
        }

        public App cloudTargets(String... values) {
            cloudTargets = List.of(values);
            return this;
        }

        public App bsiC5(boolean value) {
            bsiC5 = value;
            return this;
        }

        public App bitvAccessible(boolean value) {
            bitvAccessible = value;
            return this;
        }

        /** The SPDX licence of an open-source app; none by default. */
        public App licence(String value) {
            licence = value;
            return this;
        }

        /** When the revision was published (decided); the time of seeding by default. */
        public App publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        /** The broker the app's subscriptions are provisioned at. */
        public App broker(URI url, String username, String password) {
            brokerUrl = url;
            brokerUsername = username;
            brokerPassword = password;
            return this;
        }

        /**
         * Writes the listing and its revision in a transaction of its own, unless an app with the slug exists; the
         * listing's id.
         */
        public UUID seed() {
            return QuarkusTransaction.requiringNew().call(() -> {
                Listing existing = Listing.find("slug", slug).firstResult();
                if (existing != null) {
                    return existing.id;
                }
                Instant now = Instant.now();
                boolean published = status != ListingStatus.DRAFT;
                Listing listing = new Listing();
                listing.id = UUID.randomUUID();
                listing.vendorId = UUID.fromString(vendorId);
                listing.slug = slug;
                listing.status = status;
                listing.publishedRevision = published ? 1 : null;
                listing.pendingRevision = published ? null : 1;
                listing.createdAt = now;
                listing.updatedAt = now;
                listing.persist();
                ListingRevision revision = new ListingRevision();
                revision.id = UUID.randomUUID();
                revision.listingId = listing.id;
                revision.revision = 1;
                revision.status = published ? RevisionStatus.PUBLISHED : RevisionStatus.DRAFT;
                revision.content = ListingContentJson.write(new ListingContent(name, summary, description, category,
                        tags, plans, new ListingContent.Compliance(true, bsiC5, true, bitvAccessible, licence),
                        cloudTargets, "https://docs.example.de", "https://support.example.de"));
                revision.brokerUrl = brokerUrl.toString();
                revision.brokerUsername = brokerUsername;
                revision.brokerPassword = Arc.container().instance(PasswordCipher.class).get().encrypt(brokerPassword);
                revision.brokerPasswordEncrypted = true;
                revision.createdAt = now.minus(Duration.ofDays(1));
                revision.createdBy = "seed";
                revision.updatedAt = now;
                revision.decidedAt = published ? (publishedAt != null ? publishedAt : now) : null;
                revision.decidedBy = published ? "seed" : null;
                revision.persist();
                return listing.id;
            });
        }
    }

    /** Plans the seeded apps offer. */
    public static final class Plans {
        public static final ListingContent.Plan FREE = new ListingContent.Plan("Basis", "Frei",
                PriceModel.FREE, BigDecimal.ZERO);
        public static final ListingContent.Plan MONTHLY_FLAT = new ListingContent.Plan("Voll", "Alles",
                PriceModel.MONTHLY_FLAT, new BigDecimal("12.50"));

        private Plans() {
        }
    }
}
