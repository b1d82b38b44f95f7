-- Full-text search of the public catalogue (German configuration). Weights: name A, summary and tags B,
-- description C. A stored generated column, so the document always matches the revision's content.
alter table listing_revision add column search_document tsvector generated always as (
    setweight(to_tsvector('german'::regconfig, coalesce(content ->> 'name', '')), 'A') ||
    setweight(to_tsvector('german'::regconfig, coalesce(content ->> 'summary', '') || ' ' || coalesce(content ->> 'tags', '')), 'B') ||
    setweight(to_tsvector('german'::regconfig, coalesce(content ->> 'description', '')), 'C')
) stored;
create index listing_revision_search_idx on listing_revision using gin (search_document);
create index listing_published_idx on listing (id, published_revision) where status = 'PUBLISHED';
