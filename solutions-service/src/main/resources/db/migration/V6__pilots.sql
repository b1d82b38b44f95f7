-- A solution's pilot: plan (start, milestones), tech partners, pilot municipalities and status notes.
create table pilot (
    solution_id uuid primary key references solution (id),
    starts_on   date         not null,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null
);

create table pilot_milestone (
    solution_id uuid         not null references pilot (solution_id),
    position    integer      not null,
    title       varchar(300) not null,
    due_on      date         not null,
    primary key (solution_id, position)
);

create table pilot_partner (
    id          uuid primary key,
    solution_id uuid         not null references pilot (solution_id),
    name        varchar(300) not null,
    role        varchar(12)  not null check (role in ('DEVELOPER', 'OPERATOR', 'CONSULTANT'))
);
create index pilot_partner_solution on pilot_partner (solution_id);

create table pilot_municipality (
    solution_id     uuid        not null references pilot (solution_id),
    municipality_id uuid        not null,
    role            varchar(12) not null check (role in ('LEAD', 'PARTICIPANT')),
    primary key (solution_id, municipality_id)
);
-- one lead municipality per pilot
create unique index pilot_one_lead on pilot_municipality (solution_id) where role = 'LEAD';
create index pilot_municipality_member on pilot_municipality (municipality_id);

create table pilot_note (
    id          uuid primary key,
    solution_id uuid          not null references pilot (solution_id),
    text        varchar(4000) not null,
    author      varchar(200)  not null,
    written_at  timestamptz   not null
);
create index pilot_note_solution on pilot_note (solution_id, written_at);
