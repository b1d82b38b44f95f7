-- The text search's narrow table (issue 14). A text search ranks and counts every match, and the revision rows it
-- read for that carry their JSON content inline (~1.3 KB, six rows to a page): catalogue_entry holds one narrow row per
-- app the catalogue shows — exactly the PUBLISHED revisions of listings in status PUBLISHED — with only what the
-- search filters, ranks and sorts on, and the id of its combination of facet values, so a broad search visits about
-- half the pages and counts its facets by one small integer instead of grouping arrays. The page's own rows are then
-- read from listing_revision by id.
--
-- Kept by triggers in the same transaction as the change, whoever makes it (the API, a replica, psql): every change of
-- a published revision or of a listing's status recomputes that listing's entries from listing_revision and listing,
-- so the table cannot disagree with them at any commit.

-- Every combination of facet values an app has had; a few hundred at most, never removed (ids stay stable).
create table catalogue_facet_combination (
    id                 int generated always as identity primary key,
    category           text,
    cloud_targets      text[]  not null,
    price_models       text[]  not null,
    hosted_in_germany  boolean not null,
    bsi_c5             boolean not null,
    gdpr_dpa_available boolean not null,
    bitv_accessible    boolean not null,
    open_source        boolean not null,
    unique nulls not distinct (category, cloud_targets, price_models, hosted_in_germany, bsi_c5, gdpr_dpa_available,
                               bitv_accessible, open_source)
);

create table catalogue_entry (
    revision_id        uuid     primary key,
    listing_id         uuid     not null,
    decided_at         timestamptz,
    combination        int      not null references catalogue_facet_combination (id),
    hosted_in_germany  boolean  not null,
    bsi_c5             boolean  not null,
    gdpr_dpa_available boolean  not null,
    bitv_accessible    boolean  not null,
    open_source        boolean  not null,
    name_key           text,
    category           text,
    cloud_targets      text[]   not null,
    price_models       text[]   not null,
    search_document    tsvector not null
);
create index catalogue_entry_listing_idx on catalogue_entry (listing_id);
create index catalogue_entry_search_idx on catalogue_entry using gin (search_document);

-- The id of a combination of facet values, added when it is new (concurrent adders: the unique constraint decides).
create function catalogue_facet_combination_id(category text, cloud_targets text[], price_models text[],
                                               hosted_in_germany boolean, bsi_c5 boolean,
                                               gdpr_dpa_available boolean, bitv_accessible boolean,
                                               open_source boolean) returns int
    language plpgsql as $$
declare
    found int;
begin
    loop
        select c.id into found from catalogue_facet_combination c
        where c.category is not distinct from catalogue_facet_combination_id.category
          and c.cloud_targets = catalogue_facet_combination_id.cloud_targets
          and c.price_models = catalogue_facet_combination_id.price_models
          and c.hosted_in_germany = catalogue_facet_combination_id.hosted_in_germany
          and c.bsi_c5 = catalogue_facet_combination_id.bsi_c5
          and c.gdpr_dpa_available = catalogue_facet_combination_id.gdpr_dpa_available
          and c.bitv_accessible = catalogue_facet_combination_id.bitv_accessible
          and c.open_source = catalogue_facet_combination_id.open_source;
        if found is not null then
            return found;
        end if;
        insert into catalogue_facet_combination (category, cloud_targets, price_models, hosted_in_germany, bsi_c5,
                                                 gdpr_dpa_available, bitv_accessible, open_source)
        values (category, cloud_targets, price_models, hosted_in_germany, bsi_c5, gdpr_dpa_available,
                bitv_accessible, open_source)
        on conflict do nothing
        returning id into found;
        if found is not null then
            return found;
        end if;
    end loop;
end $$;

-- A listing's entries from its current rows: its PUBLISHED revisions while the listing is PUBLISHED, else none.
create function catalogue_entry_refresh(changed_listing uuid) returns void
    language plpgsql as $$
begin
    delete from catalogue_entry where listing_id = changed_listing;
    insert into catalogue_entry (revision_id, listing_id, decided_at, combination, hosted_in_germany, bsi_c5,
                                 gdpr_dpa_available, bitv_accessible, open_source, name_key, category, cloud_targets,
                                 price_models, search_document)
    select r.id, r.listing_id, r.decided_at,
           catalogue_facet_combination_id(r.category, r.cloud_targets, r.price_models, r.hosted_in_germany, r.bsi_c5,
                                          r.gdpr_dpa_available, r.bitv_accessible, r.open_source),
           r.hosted_in_germany, r.bsi_c5, r.gdpr_dpa_available, r.bitv_accessible, r.open_source, r.name_key,
           r.category, r.cloud_targets, r.price_models, r.search_document
    from listing_revision r
    join listing l on l.id = r.listing_id
    where r.listing_id = changed_listing and r.status = 'PUBLISHED' and l.status = 'PUBLISHED';
end $$;

-- A revision that is or was PUBLISHED (published, superseded, its content or decision changed, removed).
create function catalogue_entry_revision_changed() returns trigger
    language plpgsql as $$
begin
    if tg_op <> 'INSERT' and old.status = 'PUBLISHED' then
        perform catalogue_entry_refresh(old.listing_id);
    end if;
    if tg_op <> 'DELETE' and new.status = 'PUBLISHED'
            and (tg_op = 'INSERT' or old.status <> 'PUBLISHED' or old.listing_id <> new.listing_id) then
        perform catalogue_entry_refresh(new.listing_id);
    end if;
    return null;
end $$;

-- A listing added, removed, or whose status changed (published, delisted).
create function catalogue_entry_listing_changed() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform catalogue_entry_refresh(old.id);
    elsif tg_op = 'INSERT' or old.status <> new.status then
        perform catalogue_entry_refresh(new.id);
    end if;
    return null;
end $$;

create function catalogue_entry_truncated() returns trigger
    language plpgsql as $$
begin
    delete from catalogue_entry;
    return null;
end $$;

create trigger listing_revision_catalogue_entry after insert or update or delete on listing_revision
    for each row execute function catalogue_entry_revision_changed();
create trigger listing_catalogue_entry after insert or update or delete on listing
    for each row execute function catalogue_entry_listing_changed();
create trigger listing_revision_truncated_catalogue_entry after truncate on listing_revision
    for each statement execute function catalogue_entry_truncated();
create trigger listing_truncated_catalogue_entry after truncate on listing
    for each statement execute function catalogue_entry_truncated();

-- the apps the catalogue shows now
do $$ begin perform catalogue_entry_refresh(l.id) from listing l where l.status = 'PUBLISHED'; end $$;

analyze catalogue_facet_combination;
analyze catalogue_entry;
