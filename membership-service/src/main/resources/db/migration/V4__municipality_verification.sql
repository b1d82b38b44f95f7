-- Verification of municipalities: one registered by its own admin is UNVERIFIED until a platform admin verifies it
-- (or REJECTS it, which frees its official key). Every municipality that exists already is VERIFIED.
alter table municipality add column verification varchar(16) not null default 'VERIFIED';
alter table municipality alter column verification drop default;
alter table municipality add constraint municipality_verification_ck
    check (verification in ('UNVERIFIED', 'VERIFIED', 'REJECTED'));
alter table municipality add column verification_decided_by varchar(200);
alter table municipality add column verification_decided_at timestamptz;
alter table municipality add column rejection_reason varchar(1000);

-- A rejected municipality keeps its row (and its history) but no longer holds its official key.
alter table municipality drop constraint municipality_official_key_uq;
create unique index municipality_official_key_uq on municipality (official_key) where verification <> 'REJECTED';
