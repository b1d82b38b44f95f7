-- Apps provisioned for municipalities, from marketplace.events (one row per live subscription). Courses linked to
-- such an app are recommended to the municipality's admin; a deprovisioned subscription's row is removed.
create table provisioned_app (
    subscription_id uuid primary key,
    app_id          uuid        not null,
    municipality_id uuid        not null,
    provisioned_at  timestamptz not null
);
create index provisioned_app_municipality_idx on provisioned_app (municipality_id, app_id);
