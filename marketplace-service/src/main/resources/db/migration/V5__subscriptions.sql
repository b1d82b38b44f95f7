-- Subscriptions of member municipalities to published apps, and the durable state of their provisioning through the
-- vendor's Open Service Broker. The driver (ProvisioningWorker) works only from these columns, so a restart resumes.
create table subscription (
    id                    uuid primary key,
    municipality_id       uuid          not null,
    listing_id            uuid          not null references listing (id),
    app_slug              varchar(80)   not null,
    -- the published revision at order time: its plan, cloud targets and broker endpoint are the ones used
    revision              int           not null,
    plan_name             varchar(80)   not null,
    plan_id               uuid          not null,
    cloud_target          varchar(100)  not null,
    state                 varchar(16)   not null check (state in ('PROVISIONING', 'PROVISIONED', 'SUSPENDED', 'FAILED',
                                                                  'DEPROVISIONING', 'DEPROVISIONED')),
    -- what the driver does next; null when nothing is to be done
    step                  varchar(20)   check (step in ('PROVISION', 'POLL_PROVISION', 'ORPHAN_DELETE', 'POLL_ORPHAN',
                                                        'DEPROVISION', 'POLL_DEPROVISION')),
    broker_service_id     varchar(200),
    broker_plan_id        varchar(200),
    max_polling_seconds   int,
    operation             varchar(1000),
    dashboard_url         varchar(2000),
    failure_reason        varchar(2000),
    orphan_cleanup        varchar(16)   check (orphan_cleanup in ('PENDING', 'DONE', 'GAVE_UP')),
    orphan_cleanup_at     timestamptz,
    next_attempt_at       timestamptz,
    attempts              int           not null default 0,
    deadline              timestamptz,
    lease_owner           varchar(100),
    lease_until           timestamptz,
    acting_user           varchar(200)  not null,
    ordered_by            varchar(200)  not null,
    ordered_at            timestamptz   not null,
    provisioned_at        timestamptz,
    deprovision_requested_at timestamptz,
    deprovision_requested_by varchar(200),
    deprovisioned_at      timestamptz,
    updated_at            timestamptz   not null,
    version               bigint        not null default 0
);
create index subscription_municipality_idx on subscription (municipality_id, ordered_at);
create index subscription_listing_idx on subscription (listing_id);
-- the worker's claim query: due rows only
create index subscription_due_idx on subscription (next_attempt_at) where next_attempt_at is not null;
