-- Municipalities (Gebietskörperschaften) keyed by their official key, and their contacts.
create table municipality (
    id                uuid primary key,
    name              varchar(200) not null,
    municipality_type varchar(32)  not null,
    land              char(2)      not null,
    population        integer      check (population >= 0),
    official_key      varchar(12)  not null,
    ars               varchar(12),
    version           bigint       not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    constraint municipality_official_key_uq unique (official_key)
);

create table municipality_contact (
    municipality_id uuid         not null references municipality (id) on delete cascade,
    sort_order      integer      not null,
    name            varchar(200) not null,
    function_title  varchar(200),
    email           varchar(254) not null,
    primary key (municipality_id, sort_order)
);

-- Memberships: one open (not ENDED / REJECTED) membership per municipality, one founding membership ever.
create table membership (
    id               uuid primary key,
    municipality_id  uuid        not null references municipality (id),
    status           varchar(16) not null,
    founding         boolean     not null,
    statutes_version varchar(40) not null,
    applied_at       timestamptz not null,
    joined_on        date,
    notice_given_on  date,
    leaves_on        date,
    ended_on         date,
    version          bigint      not null default 0
);
create unique index membership_open_per_municipality_uq on membership (municipality_id)
    where status not in ('ENDED', 'REJECTED');
create unique index membership_founding_once_uq on membership (municipality_id) where founding;
create index membership_status_leaves_on_idx on membership (status, leaves_on);

-- Every transition of a membership: from, to, who (token subject), when, why.
create table membership_transition (
    id            bigserial primary key,
    membership_id uuid          not null references membership (id),
    from_status   varchar(16),
    to_status     varchar(16)   not null,
    actor         varchar(200)  not null,
    occurred_at   timestamptz   not null,
    reason        varchar(1000)
);
create index membership_transition_membership_idx on membership_transition (membership_id, id);
