-- publiccode.yml (0.4) of a solution: the raw document as imported, plus the facts the catalogue searches and filters.
create table solution_publiccode (
    solution_id        uuid primary key references solution (id),
    raw                text          not null,
    name               varchar(500)  not null,
    url                varchar(2000) not null,
    licence            varchar(500)  not null,
    development_status varchar(20)   not null,
    software_type      varchar(40)   not null,
    short_description  varchar(1000) not null,
    long_description   text          not null,
    imported_by        varchar(200)  not null,
    imported_at        timestamptz   not null
);
create index solution_publiccode_licence on solution_publiccode (licence);
create index solution_publiccode_status on solution_publiccode (development_status);

-- The licence a solution was released under (from its publiccode.yml, or named with the release).
alter table solution add column licence varchar(500);
