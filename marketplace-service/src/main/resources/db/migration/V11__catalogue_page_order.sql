-- Catalogue pages read an index range in the page's order instead of sorting every published app (issue 14): each
-- sort order gets a narrow index whose keys are exactly the order (with the listing id as the tie-break) and which
-- carries the revision id, so page 450 by name or page 250 by newest is an index-only scan that stops at the page's
-- end. The covering name index of V6 stays for the facet counts and for filtered pages sorted by name.
drop index listing_revision_published_newest_idx;
create index listing_revision_published_newest_order_idx on listing_revision (decided_at desc, listing_id) include (id)
    where status = 'PUBLISHED';
create index listing_revision_published_name_order_idx on listing_revision (name_key, listing_id) include (id)
    where status = 'PUBLISHED';

analyze listing_revision;
