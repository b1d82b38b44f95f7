-- The facets of a one-word search, counted ahead (issue 14). A one-word search in relevance order reads its page as a
-- short range of catalogue_word (V16), but its facets counted every match of the word by facet combination: an
-- index-only pass over 3,330 entries for "Kalender" at 10,000 apps, three quarters of the statement. catalogue_word_facet
-- holds, per word, how many shown apps of each facet combination have it — the same count, kept as catalogue_word
-- changes, so the facets of a word are its few dozen rows.
--
-- catalogue_word is only ever inserted into and deleted from (V16: with its entry), so two statement-level triggers
-- with the statement's rows (transition tables) add and subtract per (word, combination), in the transaction of the
-- change, whoever makes it. Every transaction that changes the counts first takes the transaction-scoped advisory lock
-- that V14 takes to create a facet combination: writers of the counts take their turns, so two publications sharing
-- words never wait on each other's rows in opposite orders (a deadlock), and with one lock for both there is no order
-- of two locks to get wrong. Publications are rare and short; reads take no lock.

create table catalogue_word_facet (
    word        tsquery not null,
    combination int     not null references catalogue_facet_combination (id),
    apps        int     not null check (apps > 0),
    primary key (word, combination)
);

create function catalogue_word_facet_added() returns trigger
    language plpgsql as $$
begin
    perform pg_advisory_xact_lock('catalogue_facet_combination'::regclass::oid::bigint);
    insert into catalogue_word_facet as f (word, combination, apps)
    select a.word, a.combination, count(*) from added a group by a.word, a.combination
    on conflict (word, combination) do update set apps = f.apps + excluded.apps;
    return null;
end $$;

create function catalogue_word_facet_removed() returns trigger
    language plpgsql as $$
begin
    perform pg_advisory_xact_lock('catalogue_facet_combination'::regclass::oid::bigint);
    -- the last apps of a (word, combination) gone: the row goes (apps stays > 0); first, so that no count just
    -- lowered is taken for one to remove
    delete from catalogue_word_facet f
    using (select r.word, r.combination, count(*) as apps from removed r group by r.word, r.combination) g
    where f.word = g.word and f.combination = g.combination and f.apps = g.apps;
    update catalogue_word_facet f set apps = f.apps - g.apps
    from (select r.word, r.combination, count(*) as apps from removed r group by r.word, r.combination) g
    where f.word = g.word and f.combination = g.combination;
    return null;
end $$;

create trigger catalogue_word_facet_added after insert on catalogue_word
    referencing new table as added for each statement execute function catalogue_word_facet_added();
create trigger catalogue_word_facet_removed after delete on catalogue_word
    referencing old table as removed for each statement execute function catalogue_word_facet_removed();

-- the counts of the words of the apps the catalogue shows now
insert into catalogue_word_facet (word, combination, apps)
select w.word, w.combination, count(*) from catalogue_word w group by w.word, w.combination;

analyze catalogue_word_facet;
