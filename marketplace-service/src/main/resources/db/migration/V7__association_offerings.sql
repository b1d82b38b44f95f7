-- Solutions of the association released for reuse (Nachnutzung), projected from solutions.events. The public
-- catalogue shows them as offerings of GovTech Kommunal: no vendor, no broker, no order; members ask for reuse at
-- the solutions API path the event names. A retired solution stays as a row (RETIRED) and leaves the catalogue.
-- Texts are unbounded: a projection must never refuse what the producing service accepted.
create table association_offering (
    solution_id        uuid primary key,
    name               text        not null,
    short_description  text,
    category           text,
    licence            text        not null,
    repository_url     text,
    development_status text,
    reuse_request_path text,
    status             varchar(16) not null check (status in ('LISTED', 'RETIRED')),
    released_at        timestamptz not null,
    retired_at         timestamptz,
    updated_at         timestamptz not null,
    search_document    tsvector generated always as (
        setweight(to_tsvector('german'::regconfig, coalesce(name, '')), 'A') ||
        setweight(to_tsvector('german'::regconfig, coalesce(short_description, '') || ' ' || coalesce(category, '')), 'B')
    ) stored
);
create index association_offering_listed_name_idx on association_offering (lower(name), solution_id) where status = 'LISTED';
create index association_offering_listed_search_idx on association_offering using gin (search_document) where status = 'LISTED';
