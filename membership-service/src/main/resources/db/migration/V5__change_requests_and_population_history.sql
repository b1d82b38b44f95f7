-- Fee-relevant master data (population, type, official key, Land) changed by a municipality admin becomes a change
-- request that a platform admin accepts or rejects; old_* hold the values replaced on acceptance (the history).
create table municipality_change_request (
    id                uuid primary key,
    municipality_id   uuid          not null references municipality (id),
    status            varchar(16)   not null check (status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    requested_by      varchar(200)  not null,
    requested_at      timestamptz   not null,
    old_population    integer,
    new_population    integer       check (new_population >= 0),
    population_as_of  date,
    old_type          varchar(32)   not null,
    new_type          varchar(32)   not null,
    old_official_key  varchar(12)   not null,
    new_official_key  varchar(12)   not null,
    old_land          char(2)       not null,
    new_land          char(2)       not null,
    old_ars           varchar(12),
    new_ars           varchar(12),
    decided_by        varchar(200),
    decided_at        timestamptz,
    decision_reason   varchar(1000),
    version           bigint        not null default 0
);
create unique index municipality_change_request_pending_uq on municipality_change_request (municipality_id)
    where status = 'PENDING';
create index municipality_change_request_municipality_idx on municipality_change_request (municipality_id, requested_at);
create index municipality_change_request_status_idx on municipality_change_request (status, requested_at);

-- Every population figure with the date it refers to (Stichtag of the statistic); the figure valid at a date is the
-- latest one valid from that date or earlier. Figures stored before this history are taken as valid since 2000.
create table municipality_population (
    id               bigserial     primary key,
    municipality_id  uuid          not null references municipality (id),
    population       integer       not null check (population >= 0),
    valid_from       date          not null,
    source           varchar(200)  not null,
    recorded_by      varchar(200)  not null,
    recorded_at      timestamptz   not null
);
create index municipality_population_at_idx on municipality_population (municipality_id, valid_from, id);
insert into municipality_population (municipality_id, population, valid_from, source, recorded_by, recorded_at)
select id, population, date '2000-01-01', 'stored before the population history', 'migration', now()
from municipality where population is not null;

-- The population reference date (Stichtag) of a fee schedule: by default 31 December of the year before last, the
-- latest official Destatis figure when the schedule takes effect.
alter table fee_schedule add column population_reference_date date;
update fee_schedule set population_reference_date = make_date(valid_from_year - 2, 12, 31);
alter table fee_schedule alter column population_reference_date set not null;

alter table fee_invoice add column population_reference_date date;
