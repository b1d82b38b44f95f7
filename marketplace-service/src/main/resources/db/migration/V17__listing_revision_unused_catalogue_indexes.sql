-- listing_revision's catalogue indexes that no statement reads any more (issue 14). Every search finds, orders and
-- counts its matches in catalogue_entry (V13, V15) and catalogue_word (V16); listing_revision is read by id (the page's
-- rows, its primary key), by listing and revision (the unique key), and once per catalogue version for the counts per
-- facet combination (CatalogueGroups: an index-only scan of listing_revision_published_name_idx, which stays). These
-- six were not used in a full bench/catalogue.sh run (pg_stat_user_indexes.idx_scan 0); each revision written no
-- longer updates them.
drop index listing_revision_published_search_idx;   -- V6, GIN on the tsvector
drop index listing_revision_published_cloud_idx;    -- V6, GIN on the cloud targets
drop index listing_revision_published_price_idx;    -- V6, GIN on the price models
drop index listing_revision_published_category_idx; -- V6
drop index listing_revision_published_name_order_idx;   -- V11
drop index listing_revision_published_newest_order_idx; -- V11
