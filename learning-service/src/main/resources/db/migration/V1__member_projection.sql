-- Local projection of the association's members, kept from membership.events (no synchronous calls).
create table member_municipality (
    municipality_id uuid primary key,
    official_key    varchar(12)  not null,
    name            varchar(300) not null,
    status          varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED', 'LEFT')),
    joined_on       date         not null,
    status_since    timestamptz  not null,
    updated_at      timestamptz  not null
);
