-- App listings. A listing has revisions; the published one stays visible while a newer one is reviewed.
create table listing (
    id                 uuid primary key,
    vendor_id          uuid         not null references vendor (id),
    slug               varchar(80)  not null unique,
    status             varchar(16)  not null check (status in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'DELISTED')),
    published_revision int,
    pending_revision   int,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);
create index listing_vendor_idx on listing (vendor_id, created_at);
create index listing_status_idx on listing (status, updated_at);

-- Every revision is kept. content is the listing's public content (JSON); the broker columns are never returned.
create table listing_revision (
    id               uuid primary key,
    listing_id       uuid         not null references listing (id),
    revision         int          not null,
    status           varchar(16)  not null check (status in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'SUPERSEDED')),
    content          jsonb        not null,
    broker_url       varchar(500) not null,
    broker_username  varchar(200) not null,
    broker_password  varchar(200) not null,
    created_at       timestamptz  not null,
    created_by       varchar(200) not null,
    updated_at       timestamptz  not null,
    submitted_at     timestamptz,
    submitted_by     varchar(200),
    decided_at       timestamptz,
    decided_by       varchar(200),
    rejection_reason varchar(2000),
    unique (listing_id, revision)
);

-- Every step of the workflow: who did what to which revision, when, and why.
create table listing_decision (
    id         bigserial primary key,
    listing_id uuid          not null references listing (id),
    revision   int           not null,
    action     varchar(16)   not null,
    actor      varchar(200)  not null,
    at         timestamptz   not null,
    reason     varchar(2000)
);
create index listing_decision_listing_idx on listing_decision (listing_id, id);
