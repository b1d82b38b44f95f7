-- Orphan mitigation keeps trying until the broker confirms the instance is gone (OSB 2.17): deletions that were given
-- up resume, and "given up" is no longer a state.
update subscription
set orphan_cleanup = 'PENDING', step = 'ORPHAN_DELETE', next_attempt_at = now(), attempts = 0, lease_owner = null,
    lease_until = null
where orphan_cleanup = 'GAVE_UP';
alter table subscription drop constraint subscription_orphan_cleanup_check;
alter table subscription add constraint subscription_orphan_cleanup_check check (orphan_cleanup in ('PENDING', 'DONE'));
