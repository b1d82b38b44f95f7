-- Local projection of the association's members, kept from membership.events (no synchronous calls).
-- Population is needed for the cost split by population; null where membership has no figure.
create table member_municipality (
    municipality_id uuid primary key,
    name            varchar(300) not null,
    population      integer check (population >= 0),
    status          varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED', 'LEFT')),
    status_since    timestamptz  not null,
    updated_at      timestamptz  not null
);
create index member_municipality_status on member_municipality (status);
