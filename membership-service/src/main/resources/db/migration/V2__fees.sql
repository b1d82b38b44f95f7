-- Fee schedules (Beitragsordnung), versioned by the year from which they apply; one scale per type of authority;
-- population bands from (inclusive) to (exclusive, null = open-ended). Money is numeric(12,2), never float.
create table fee_schedule (
    valid_from_year integer       primary key check (valid_from_year between 2000 and 2999),
    version_label   varchar(40)   not null,
    example         boolean       not null,
    description     varchar(1000) not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(200)  not null
);

create table fee_scale (
    id                        bigserial     primary key,
    valid_from_year           integer       not null references fee_schedule (valid_from_year) on delete cascade,
    municipality_type         varchar(32)   not null,
    minimum_fee               numeric(12,2) not null check (minimum_fee >= 0),
    maximum_fee               numeric(12,2) not null,
    founding_discount_percent numeric(5,2)  check (founding_discount_percent between 0 and 100),
    constraint fee_scale_min_max_ck check (minimum_fee <= maximum_fee),
    constraint fee_scale_type_uq unique (valid_from_year, municipality_type)
);

create table fee_band (
    id              bigserial     primary key,
    scale_id        bigint        not null references fee_scale (id) on delete cascade,
    from_population integer       not null check (from_population >= 0),
    to_population   integer       check (to_population > from_population),
    annual_fee      numeric(12,2) not null check (annual_fee >= 0),
    constraint fee_band_from_uq unique (scale_id, from_population)
);

-- Invoices of the yearly assessment: one per membership and year (the unique constraint makes a second run, also a
-- concurrent one, create nothing). status holds OPEN / PAID / CANCELLED; OVERDUE is computed (OPEN past due_on).
create sequence fee_invoice_number_seq;

create table fee_invoice (
    id                uuid          primary key,
    invoice_number    varchar(24)   not null,
    membership_id     uuid          not null references membership (id),
    municipality_id   uuid          not null references municipality (id),
    year              integer       not null,
    municipality_type varchar(32)   not null,
    population        integer       not null check (population >= 0),
    founding          boolean       not null,
    band_from         integer       not null,
    band_to           integer,
    band_fee          numeric(12,2) not null check (band_fee >= 0),
    annual_fee        numeric(12,2) not null check (annual_fee >= 0),
    months            integer       not null check (months between 1 and 12),
    amount            numeric(12,2) not null check (amount >= 0),
    schedule_year     integer       not null,
    schedule_version  varchar(40)   not null,
    schedule_example  boolean       not null,
    status            varchar(16)   not null,
    issued_on         date          not null,
    due_on            date          not null,
    paid_on           date,
    cancelled_at      timestamptz,
    cancel_reason     varchar(1000),
    created_at        timestamptz   not null,
    version           bigint        not null default 0,
    constraint fee_invoice_number_uq unique (invoice_number),
    constraint fee_invoice_membership_year_uq unique (membership_id, year)
);
create index fee_invoice_year_status_idx on fee_invoice (year, status);
create index fee_invoice_municipality_idx on fee_invoice (municipality_id, year);
