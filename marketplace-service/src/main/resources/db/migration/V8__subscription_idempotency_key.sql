-- POST /subscriptions accepts an Idempotency-Key: one municipality's key names one order, however often it is sent.
alter table subscription add column idempotency_key varchar(200);
create unique index subscription_idempotency_key_idx on subscription (municipality_id, idempotency_key)
    where idempotency_key is not null;
