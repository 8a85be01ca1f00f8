-- The audit chain keeps no index on its hashes (issue #18, flat as the data grows). The log is read by number (its
-- key), by firm and by subject, never by hash: the chain is checked by recomputing it in order (AuditTrail.verify),
-- and the key on the number already refuses a second entry at a place in the chain. The unique index on the hash,
-- the log's largest (211 MB after a year of the desk's alerts, BENCHMARKS.md), took a write at a random place for every
-- entry, so its pages left the database's cache as it grew.
alter table audit_log drop constraint if exists audit_log_hash_key;
