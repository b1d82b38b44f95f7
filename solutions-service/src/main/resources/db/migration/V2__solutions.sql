-- Solutions from proposal to retirement (PROPOSED → SHORTLISTED → IN_PILOT → AVAILABLE_FOR_REUSE → RETIRED, or DECLINED)
create table solution (
    id                        uuid primary key,
    title                     varchar(200)  not null,
    problem                   varchar(5000) not null,
    intended_outcome          varchar(5000) not null,
    category                  varchar(100)  not null,
    ozg_reference             varchar(200),
    leika_keys                text[]        not null default '{}',
    proposing_municipality_id uuid,
    status                    varchar(24)   not null check (status in
                                  ('PROPOSED', 'SHORTLISTED', 'IN_PILOT', 'AVAILABLE_FOR_REUSE', 'RETIRED', 'DECLINED')),
    proposed_by               varchar(200)  not null,
    proposed_at               timestamptz   not null,
    status_changed_at         timestamptz   not null
);
create index solution_status on solution (status, proposed_at);
create index solution_category on solution (category);

-- Who moved a solution from which status to which, when and why
create table solution_transition (
    id          bigint generated always as identity primary key,
    solution_id uuid         not null references solution (id),
    from_status varchar(24),
    to_status   varchar(24)  not null,
    actor       varchar(200) not null,
    occurred_at timestamptz  not null,
    reason      varchar(1000)
);
create index solution_transition_solution on solution_transition (solution_id, id);
