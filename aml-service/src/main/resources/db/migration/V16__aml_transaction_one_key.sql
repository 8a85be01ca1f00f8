-- One B-tree on aml_transaction where there were two. Every screened transaction inserted an entry into the key
-- (event_key, occurred_at), the inbox of the stream, and another into (firm_id, customer_id, occurred_at), the
-- customers' windows. Event ids are random (CloudEvents producers send UUIDs), so both took a random insert per row
-- into an index that outgrows the database's cache within a busy month: the drain's rate fell by a quarter from the
-- first million rows of a month to the third (BENCHMARKS.md). The key is now (firm_id, customer_id, occurred_at,
-- event_key): it answers the windows as the customer index did (its leading columns), and it is still the inbox: a
-- redelivery is the same CloudEvent, so the same event key, firm, customer and time, and conflicts with its first
-- delivery. An event id reused for another customer's transaction, which CloudEvents forbids, may now be stored as a
-- second transaction, as one reused for another time already could be (V15).
--
-- On an installed database this builds the new key over every stored row, one partition after another, under a lock
-- that holds the service's writes back for the time it takes (the only step here that grows with the data).
alter table aml_transaction drop constraint aml_transaction_pkey;
drop index aml_transaction_customer;
alter table aml_transaction
    add constraint aml_transaction_pkey primary key (firm_id, customer_id, occurred_at, event_key);
