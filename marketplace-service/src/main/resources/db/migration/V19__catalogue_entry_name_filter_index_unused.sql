-- The covering name index for filtered pages (V15) is no longer read (issue 14): a page without a text checks its
-- filters on the entry's facet combination, an integer the narrow order indexes already carry (the ids of the
-- combinations that pass, computed once per statement), so the filtered name order walks
-- catalogue_entry_name_order_idx like the unfiltered one, and the filtered newest order its own index, both
-- index-only. Each entry written no longer updates it.
drop index catalogue_entry_name_filter_idx;
