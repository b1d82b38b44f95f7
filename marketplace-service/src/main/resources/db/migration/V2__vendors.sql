-- Partner vendor organisations. The id is the vendor_id claim of the vendor's users.
create table vendor (
    id            uuid primary key,
    name          varchar(200) not null,
    legal_form    varchar(100) not null,
    street        varchar(200) not null,
    postal_code   varchar(5)   not null,
    city          varchar(100) not null,
    country       char(2)      not null,
    contact_email varchar(254) not null,
    vat_id        varchar(11)  not null unique,
    status        varchar(16)  not null check (status in ('PENDING', 'VERIFIED')),
    registered_at timestamptz  not null,
    registered_by varchar(200) not null,
    verified_at   timestamptz,
    verified_by   varchar(200)
);
create index vendor_status_idx on vendor (status, registered_at);
