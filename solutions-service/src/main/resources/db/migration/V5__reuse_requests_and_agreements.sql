-- Nachnutzung: a member asks to reuse a released solution; the providing side accepts (→ agreement) or declines.
create table reuse_request (
    id              uuid primary key,
    solution_id     uuid          not null references solution (id),
    municipality_id uuid          not null,
    message         varchar(2000),
    status          varchar(10)   not null check (status in ('REQUESTED', 'ACCEPTED', 'DECLINED')),
    requested_by    varchar(200)  not null,
    requested_at    timestamptz   not null,
    decided_by      varchar(200),
    decided_at      timestamptz,
    decision_reason varchar(1000)
);
-- at most one open request per member and solution
create unique index reuse_request_one_open on reuse_request (solution_id, municipality_id) where status = 'REQUESTED';
create index reuse_request_solution on reuse_request (solution_id, requested_at);

-- Nachnutzungsvereinbarung
create table reuse_agreement (
    id                    uuid primary key,
    request_id            uuid          not null unique references reuse_request (id),
    solution_id           uuid          not null references solution (id),
    municipality_id       uuid          not null,
    terms                 varchar(10000) not null,
    starts_on             date          not null,
    cost_split_method     varchar(12)   check (cost_split_method in ('EQUAL', 'POPULATION')),
    development_cost_cents bigint       check (development_cost_cents >= 0),
    operating_cost_cents  bigint        check (operating_cost_cents >= 0),
    agreed_by             varchar(200)  not null,
    agreed_at             timestamptz   not null
);

create table agreement_participant (
    agreement_id               uuid    not null references reuse_agreement (id),
    municipality_id            uuid    not null,
    name                       varchar(300) not null,
    population                 integer,
    development_share_cents    bigint,
    operating_share_cents      bigint,
    primary key (agreement_id, municipality_id)
);
create index agreement_participant_municipality on agreement_participant (municipality_id);
