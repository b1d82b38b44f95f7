-- The catalogue's version (issue 14): a counter that rises with every committed change of what the public catalogue
-- shows — a listing (published, delisted, …), a revision (its content, its status) or a vendor (its name). The
-- service keeps the catalogue pages it answered for the version it read first and serves them again while the
-- version stands, so every change, whoever makes it (the API, another replica, psql), ends the kept pages at once.
--
-- The triggers are deferred to the commit: the single version row is locked only at the very end of a changing
-- transaction, after every other lock it takes, so writers of different listings never wait for each other while
-- they work and cannot deadlock over it. A transaction raises the version once however many rows it changes.
create table catalogue_version (
    id         boolean primary key default true check (id),
    version    bigint not null,
    changed_by xid8
);
insert into catalogue_version (id, version) values (true, 1);

create function catalogue_changed() returns trigger
    language plpgsql as $$
begin
    update catalogue_version set version = version + 1, changed_by = pg_current_xact_id()
    where changed_by is distinct from pg_current_xact_id();
    return null;
end $$;

create constraint trigger listing_changes_catalogue after insert or update or delete on listing
    deferrable initially deferred for each row execute function catalogue_changed();
create constraint trigger listing_revision_changes_catalogue after insert or update or delete on listing_revision
    deferrable initially deferred for each row execute function catalogue_changed();
create constraint trigger vendor_changes_catalogue after insert or update or delete on vendor
    deferrable initially deferred for each row execute function catalogue_changed();
create trigger listing_truncated_catalogue after truncate on listing
    for each statement execute function catalogue_changed();
create trigger listing_revision_truncated_catalogue after truncate on listing_revision
    for each statement execute function catalogue_changed();
create trigger vendor_truncated_catalogue after truncate on vendor
    for each statement execute function catalogue_changed();
