-- Every graded quiz attempt is kept.
create table quiz_attempt (
    id            uuid primary key,
    enrolment_id  uuid        not null references enrolment (id),
    lesson_id     uuid        not null,
    answers       jsonb       not null,
    score_percent integer     not null check (score_percent between 0 and 100),
    passed        boolean     not null,
    attempted_at  timestamptz not null
);
create index quiz_attempt_enrolment_idx on quiz_attempt (enrolment_id, lesson_id, attempted_at);

-- One certificate per completed enrolment, verifiable by its random 32-hex-char code.
create table certificate (
    id                uuid primary key,
    enrolment_id      uuid         not null unique references enrolment (id),
    course_id         uuid         not null references course (id),
    course_title      varchar(200) not null,
    learner_id        varchar(200) not null,
    holder_name       varchar(300) not null,
    municipality_id   uuid         not null,
    verification_code char(32)     not null unique check (verification_code ~ '^[0-9a-f]{32}$'),
    status            varchar(16)  not null check (status in ('ISSUED', 'REVOKED')),
    issued_at         timestamptz  not null,
    revoked_at        timestamptz,
    revoke_reason     varchar(500)
);
create index certificate_municipality_idx on certificate (municipality_id, issued_at);
create index certificate_learner_idx on certificate (learner_id);

-- The issuer's RSA signing key when none is configured: generated once, shared by every instance and restart.
create table signing_key (
    id              integer primary key check (id = 1),
    private_key_pem text        not null,
    created_at      timestamptz not null
);
