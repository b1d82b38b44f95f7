-- Catalogue speed: the fields the catalogue filters, counts and sorts on become small columns of the revision, so
-- searching, facet counts and sorting never read (and de-TOAST) the JSON content of thousands of revisions; the
-- content is read only for the page shown. The columns are stored generated columns: PostgreSQL fills them on every
-- insert and update of the content (publishing included), they can never disagree with the content, and adding
-- them rewrites the table once, which backfills every existing revision.
-- (V5 belongs to the subscriptions feature; Flyway runs out of order, so V6 may be applied before it.)

-- The distinct texts of a JSON array of strings, sorted (immutable, so generated columns may use it).
create function catalogue_texts(items jsonb) returns text[]
    language sql immutable parallel safe
    return array(select distinct e from jsonb_array_elements_text(coalesce(items, '[]'::jsonb)) e order by e);

-- The distinct price models of a JSON array of plans, sorted.
create function catalogue_price_models(plans jsonb) returns text[]
    language sql immutable parallel safe
    return array(select distinct p ->> 'priceModel' from jsonb_array_elements(coalesce(plans, '[]'::jsonb)) p
                 where p ->> 'priceModel' is not null order by 1);

alter table listing_revision
    add column name_key           text    generated always as (lower(content ->> 'name')) stored,
    add column category           text    generated always as (content ->> 'category') stored,
    add column cloud_targets      text[]  generated always as (catalogue_texts(content -> 'cloudTargets')) stored,
    add column price_models       text[]  generated always as (catalogue_price_models(content -> 'plans')) stored,
    add column hosted_in_germany  boolean generated always as (coalesce((content -> 'compliance' ->> 'hostedInGermany')::boolean, false)) stored,
    add column bsi_c5             boolean generated always as (coalesce((content -> 'compliance' ->> 'bsiC5')::boolean, false)) stored,
    add column gdpr_dpa_available boolean generated always as (coalesce((content -> 'compliance' ->> 'gdprDpaAvailable')::boolean, false)) stored,
    add column bitv_accessible    boolean generated always as (coalesce((content -> 'compliance' ->> 'bitvAccessible')::boolean, false)) stored,
    add column open_source        boolean generated always as (content -> 'compliance' ->> 'openSourceLicence' is not null) stored;

-- Only the published revision of a listing has status PUBLISHED (publishing marks the previous one SUPERSEDED), so
-- the catalogue's indexes are partial: drafts, rejected and superseded revisions never enter them.
drop index listing_revision_search_idx;
create index listing_revision_published_search_idx on listing_revision using gin (search_document)
    where status = 'PUBLISHED';
create index listing_revision_published_cloud_idx on listing_revision using gin (cloud_targets)
    where status = 'PUBLISHED';
create index listing_revision_published_price_idx on listing_revision using gin (price_models)
    where status = 'PUBLISHED';
-- Name order, and a covering index: facet counts without q and filtered pages sorted by name are index-only scans
-- of this narrow index (about 2 MB at 10 000 apps) instead of reads of the revisions with their content.
create index listing_revision_published_name_idx on listing_revision (name_key, listing_id)
    include (id, category, cloud_targets, price_models, hosted_in_germany, bsi_c5, gdpr_dpa_available,
             bitv_accessible, open_source)
    where status = 'PUBLISHED';
create index listing_revision_published_newest_idx on listing_revision (decided_at desc, listing_id)
    where status = 'PUBLISHED';
create index listing_revision_published_category_idx on listing_revision (category)
    where status = 'PUBLISHED';
-- The catalogue excludes the revisions of listings that are not PUBLISHED (delisted ones): an anti-join against
-- these few listings, not a join with all of them.
create index listing_not_published_idx on listing (id) where status <> 'PUBLISHED';

analyze listing;
analyze listing_revision;
