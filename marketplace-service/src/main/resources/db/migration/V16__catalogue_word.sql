-- The rank of a one-word search, stored (issue 14). A search's relevance order is ts_rank_cd of each match's document
-- against the query; ranking every match at request time was about half the statement of a broad search (3,330
-- matches for one word at 10,000 apps). When the query is one lexeme without weight or prefix (what a one-word
-- websearch_to_tsquery gives), that rank depends only on the document and the lexeme, so it is computed once per
-- (shown app, lexeme of its document) when the entry is written, by ts_rank_cd itself: the same float, the same order.
-- catalogue_word is derived from catalogue_entry alone (a row per lexeme of each entry's search_document), added by a
-- trigger on the entry's insert and removed with it (the entries are only ever inserted and deleted, V13), so it is
-- kept in the same transaction by whoever changes a listing.

create table catalogue_word (
    word        tsquery not null,
    revision_id uuid    not null references catalogue_entry (revision_id) on delete cascade,
    rank        real    not null,
    name_key    text,
    listing_id  uuid    not null,
    combination int     not null
);
-- a word's matches in relevance order, with what the page and the facets need (index-only)
create index catalogue_word_relevance_idx on catalogue_word (word, rank desc, name_key, listing_id)
    include (revision_id, combination);
-- for the cascade when an entry is deleted
create index catalogue_word_revision_idx on catalogue_word (revision_id);

-- a lexeme as the one-lexeme tsquery websearch_to_tsquery gives for it (quoted, quote and backslash escaped)
create function catalogue_word_of(lexeme text) returns tsquery
    language sql immutable strict parallel safe
    return ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery;

create function catalogue_word_entry_added() returns trigger
    language plpgsql as $$
begin
    insert into catalogue_word (word, revision_id, rank, name_key, listing_id, combination)
    select w.word, new.revision_id, ts_rank_cd(new.search_document, w.word), new.name_key, new.listing_id,
           new.combination
    from (select catalogue_word_of(t.lexeme) as word from unnest(new.search_document) t) w;
    return null;
end $$;

create trigger catalogue_entry_words after insert on catalogue_entry
    for each row execute function catalogue_word_entry_added();

-- the words of the apps the catalogue shows now
insert into catalogue_word (word, revision_id, rank, name_key, listing_id, combination)
select w.word, e.revision_id, ts_rank_cd(e.search_document, w.word), e.name_key, e.listing_id, e.combination
from catalogue_entry e
cross join lateral (select catalogue_word_of(t.lexeme) as word from unnest(e.search_document) t) w;

analyze catalogue_word;
