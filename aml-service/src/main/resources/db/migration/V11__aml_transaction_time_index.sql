-- Taking up a firm's partition reads which of its customers have transfers in the last windows (RecentCustomers):
-- a time range over the whole firm. Rows arrive roughly in time order, so a BRIN index answers it for almost nothing
-- on insert, where a B-tree would be one more index entry for every screened transaction.
create index aml_transaction_occurred_brin on aml_transaction using brin (occurred_at);
