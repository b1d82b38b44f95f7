-- Topics are a managed list (authors add to it); level and format are fixed vocabularies.
create table topic (
    code       varchar(40)  primary key,
    label      varchar(120) not null,
    created_at timestamptz  not null default now()
);
insert into topic (code, label) values
    ('KI', 'Künstliche Intelligenz'),
    ('CLOUD', 'Cloud'),
    ('CYBERSECURITY', 'Cybersicherheit'),
    ('DATEN', 'Daten'),
    ('PROZESSE', 'Prozesse');

-- A course with its modules and lessons (JSON, ids assigned once and kept across edits) and completion criteria.
create table course (
    id             uuid primary key,
    slug           varchar(80)   not null unique,
    title          varchar(200)  not null,
    summary        varchar(500)  not null,
    description    text          not null,
    topic          varchar(40)   not null references topic (code),
    level          varchar(20)   not null check (level in ('EINSTIEG', 'FORTGESCHRITTEN', 'EXPERT')),
    format         varchar(20)   not null check (format in ('SELF_PACED', 'LIVE_WORKSHOP', 'BLENDED')),
    expected_hours numeric(5, 1) not null,
    language       varchar(8)    not null,
    status         varchar(16)   not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    modules        jsonb         not null,
    completion     jsonb         not null,
    created_at     timestamptz   not null,
    created_by     varchar(200)  not null,
    updated_at     timestamptz   not null,
    published_at   timestamptz,
    archived_at    timestamptz,
    search_document tsvector generated always as (
        setweight(to_tsvector('german'::regconfig, title), 'A') ||
        setweight(to_tsvector('german'::regconfig, summary), 'B') ||
        setweight(to_tsvector('german'::regconfig, description), 'C')
    ) stored
);
create index course_published_search_idx on course using gin (search_document) where status = 'PUBLISHED';
create index course_published_title_idx on course (lower(title), id) where status = 'PUBLISHED';

-- Marketplace apps a course introduces (onboarding courses); ids from marketplace events, no foreign key.
create table course_app (
    course_id uuid not null references course (id) on delete cascade,
    app_id    uuid not null,
    primary key (course_id, app_id)
);
create index course_app_app_idx on course_app (app_id);
