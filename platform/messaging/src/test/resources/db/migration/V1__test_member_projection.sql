-- Stands in for a consumer's projection: counts how often each member's event was applied.
create table test_member (
    municipality_id uuid primary key,
    name            varchar(200) not null,
    applied_count   integer not null
);
