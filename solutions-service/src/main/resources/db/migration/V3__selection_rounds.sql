-- Pilot selection rounds: members distribute points over candidate solutions; one ballot per member and round.
create table selection_round (
    id                uuid primary key,
    title             varchar(200) not null,
    points_per_member integer      not null check (points_per_member between 1 and 1000),
    voting_opens_at   timestamptz  not null,
    voting_closes_at  timestamptz  not null,
    status            varchar(8)   not null check (status in ('OPEN', 'CLOSED')),
    opened_by         varchar(200) not null,
    opened_at         timestamptz  not null,
    closed_by         varchar(200),
    closed_at         timestamptz,
    members_voted     integer,
    members_eligible  integer,
    check (voting_closes_at > voting_opens_at)
);
create index selection_round_opened on selection_round (opened_at desc);

create table round_candidate (
    round_id    uuid    not null references selection_round (id),
    solution_id uuid    not null references solution (id),
    position    integer not null,
    primary key (round_id, solution_id)
);

-- One ballot per member and round: the unique constraint makes "cast or replace" one atomic upsert.
create table ballot (
    id              uuid primary key,
    round_id        uuid         not null references selection_round (id),
    municipality_id uuid         not null,
    points          jsonb        not null,
    cast_by         varchar(200) not null,
    cast_at         timestamptz  not null,
    revision        integer      not null,
    constraint ballot_one_per_member unique (round_id, municipality_id)
);

-- The published ranking, fixed at the close.
create table round_result (
    round_id    uuid    not null references selection_round (id),
    solution_id uuid    not null references solution (id),
    line        integer not null,
    rank        integer not null,
    points      integer not null,
    primary key (round_id, solution_id)
);
