-- Live workshop sessions of a course; times are instants, shown in Europe/Berlin.
create table workshop_session (
    id                    uuid primary key,
    course_id             uuid          not null references course (id),
    starts_at             timestamptz   not null,
    ends_at               timestamptz   not null,
    place                 varchar(300),
    online_url            varchar(2000),
    capacity              integer       not null check (capacity between 1 and 1000),
    registration_deadline timestamptz   not null,
    trainer               varchar(200)  not null,
    created_at            timestamptz   not null,
    check (ends_at > starts_at),
    check (registration_deadline <= starts_at),
    check (place is not null or online_url is not null)
);
create index workshop_session_course_idx on workshop_session (course_id, starts_at);

-- A learner's enrolment in a course (and, for workshops, a session). Seats are counted under a row lock on the
-- session, so the waitlist positions are dense (1..n) and a session is never overbooked.
create table enrolment (
    id               uuid primary key,
    course_id        uuid         not null references course (id),
    session_id       uuid references workshop_session (id),
    learner_id       varchar(200) not null,
    learner_name     varchar(300) not null,
    municipality_id  uuid         not null,
    status           varchar(16)  not null check (status in ('ENROLLED', 'WAITLISTED', 'CANCELLED', 'COMPLETED')),
    waitlist_position integer check ((status = 'WAITLISTED') = (waitlist_position is not null)),
    created_at       timestamptz  not null,
    created_by       varchar(200) not null,
    promoted_at      timestamptz,
    cancelled_at     timestamptz,
    cancel_reason    varchar(500),
    attended         boolean      not null default false,
    completed_at     timestamptz
);
create unique index enrolment_open_per_learner_idx on enrolment (course_id, learner_id) where status <> 'CANCELLED';
create index enrolment_session_idx on enrolment (session_id, status, waitlist_position);
create index enrolment_municipality_idx on enrolment (municipality_id, status);
create index enrolment_learner_idx on enrolment (learner_id);

-- Lessons a learner completed, per enrolment.
create table lesson_completion (
    enrolment_id uuid        not null references enrolment (id),
    lesson_id    uuid        not null,
    completed_at timestamptz not null,
    primary key (enrolment_id, lesson_id)
);
