-- Pages without a search text from the narrow table too (issue 14). The deep pages (page 450 by name, 250 by newest)
-- walk an order index up to the page's end; on listing_revision (V11) every entry of that walk was checked against
-- the listings not PUBLISHED, which cost about as much as the walk. catalogue_entry holds the shown apps only, so its
-- order indexes are walked index-only without that check (about half the statement's CPU for page 450 by name). The
-- page's own rows are still read from listing_revision by id.

-- the name order and the newest order; the combination for the facets of the same statement
create index catalogue_entry_name_order_idx on catalogue_entry (name_key, listing_id) include (revision_id, combination);
create index catalogue_entry_newest_order_idx on catalogue_entry (decided_at desc, listing_id)
    include (revision_id, combination);
-- the name order with the filter columns: a filtered name sort stays index-only (wider entries, so not for the above)
create index catalogue_entry_name_filter_idx on catalogue_entry (name_key, listing_id)
    include (revision_id, combination, category, cloud_targets, price_models, hosted_in_germany, bsi_c5,
             gdpr_dpa_available, bitv_accessible, open_source);

analyze catalogue_entry;
