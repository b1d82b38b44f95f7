-- New facet combinations are created one transaction at a time (issue 14, a mend of V13).
--
-- V13 let the unique constraint decide between concurrent creators: an insert of a combination another open
-- transaction has just inserted waits for that transaction. Two transactions that each create two new combinations
-- in opposite order (one publishes apps with A then B, the other B then A) then wait on each other, and PostgreSQL
-- aborts one (40P01) — its publication fails. Now a transaction that finds its combination missing first takes one
-- transaction-scoped advisory lock, keyed by this table's oid, and creates under it: whoever holds it inserts without
-- waiting on anyone's uncommitted combination, the others wait for its commit and then find what it created.
-- Combinations are few and never removed, so serialising their creation costs nothing; finding an existing one takes
-- no lock. An advisory lock rather than a table lock, so that vacuum and analyze of the table never wait behind a
-- publication.

create or replace function catalogue_facet_combination_id(category text, cloud_targets text[], price_models text[],
                                                          hosted_in_germany boolean, bsi_c5 boolean,
                                                          gdpr_dpa_available boolean, bitv_accessible boolean,
                                                          open_source boolean) returns int
    language plpgsql as $$
declare
    found int;
begin
    loop
        select c.id into found from catalogue_facet_combination c
        where c.category is not distinct from catalogue_facet_combination_id.category
          and c.cloud_targets = catalogue_facet_combination_id.cloud_targets
          and c.price_models = catalogue_facet_combination_id.price_models
          and c.hosted_in_germany = catalogue_facet_combination_id.hosted_in_germany
          and c.bsi_c5 = catalogue_facet_combination_id.bsi_c5
          and c.gdpr_dpa_available = catalogue_facet_combination_id.gdpr_dpa_available
          and c.bitv_accessible = catalogue_facet_combination_id.bitv_accessible
          and c.open_source = catalogue_facet_combination_id.open_source;
        if found is not null then
            return found;
        end if;
        -- held until commit; a creator that committed meanwhile makes the insert do nothing, the next select finds it
        perform pg_advisory_xact_lock('catalogue_facet_combination'::regclass::oid::bigint);
        insert into catalogue_facet_combination (category, cloud_targets, price_models, hosted_in_germany, bsi_c5,
                                                 gdpr_dpa_available, bitv_accessible, open_source)
        values (category, cloud_targets, price_models, hosted_in_germany, bsi_c5, gdpr_dpa_available,
                bitv_accessible, open_source)
        on conflict do nothing
        returning id into found;
        if found is not null then
            return found;
        end if;
    end loop;
end $$;
