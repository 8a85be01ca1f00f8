-- Screened transactions are kept at least six years from the latest of the report, the end of the business
-- relationship or the transaction (AML 14.5.1, domain-facts B11), so this table grows without end, and a batch's
-- COPY maintained B-tree indexes over all of it: the rate fell run over run as the table grew (BENCHMARKS.md). It is
-- now partitioned by the UTC month a transaction occurred: a batch writes into its month's partition, whose indexes
-- stay the size of a month; reads with a time bound (the customers' windows, a firm's recent customers, the annual
-- return) touch only their months. Nothing is deleted: old months stay as partitions; the service never detaches one (a
-- month past six years may still hold records of customers served since: archiving is the firm's decision).
--
-- A redelivered event has the same occurred_at as its first delivery (the same CloudEvent), so the key
-- (event_key, occurred_at) still makes the table the inbox of this stream.
alter table aml_transaction rename to aml_transaction_legacy_rows;
alter index aml_transaction_customer rename to aml_transaction_legacy_rows_customer;
alter index aml_transaction_occurred_brin rename to aml_transaction_legacy_rows_occurred_brin;

alter table aml_transaction_legacy_rows rename constraint aml_transaction_pkey to aml_transaction_legacy_rows_pkey;
create table aml_transaction (
    like aml_transaction_legacy_rows including defaults,
    constraint aml_transaction_payload_kept check (payload is not null or payload_chunk is not null),
    constraint aml_transaction_pkey primary key (event_key, occurred_at)
) partition by range (occurred_at);
create index aml_transaction_customer on aml_transaction (firm_id, customer_id, occurred_at);
create index aml_transaction_occurred_brin on aml_transaction using brin (occurred_at);

-- Rows stored before this version stay where they are: the old table becomes the partition of every month up to the
-- end of the latest month it holds (or of this month), so no row is copied; months after it get their own partitions.
-- An empty old table (a new installation) is simply dropped.
create table aml_transaction_legacy (
    partition_name text        primary key,
    until          timestamptz not null
);
do $$
declare
    bound timestamptz;
begin
    if not exists (select 1 from aml_transaction_legacy_rows) then
        drop table aml_transaction_legacy_rows;
        return;
    end if;
    select date_trunc('month', greatest(max(occurred_at), now()), 'UTC') + interval '1 month' into bound
    from aml_transaction_legacy_rows;
    -- The bound proven by a constraint first, so the attach does not scan the table under its lock a second time.
    execute format('alter table aml_transaction_legacy_rows add constraint aml_transaction_legacy_rows_bound '
                   'check (occurred_at < %L)', bound);
    -- Its key becomes the parent's (event_key, occurred_at): one index build over the stored rows, the only step of
    -- this migration that takes time in proportion to them.
    alter table aml_transaction_legacy_rows drop constraint aml_transaction_legacy_rows_pkey;
    alter table aml_transaction_legacy_rows validate constraint aml_transaction_payload_kept;
    execute format('alter table aml_transaction attach partition aml_transaction_legacy_rows '
                   'for values from (minvalue) to (%L)', bound);
    alter table aml_transaction_legacy_rows drop constraint aml_transaction_legacy_rows_bound;
    insert into aml_transaction_legacy values ('aml_transaction_legacy_rows', bound);
end $$;

-- The partition of the month holding an instant, made if it does not exist yet; answers its name, which the service
-- copies a batch into directly (no per-row routing). Made by the service before a batch's transaction, from its own
-- short one: attaching takes a lock on the parent that waits for writers, so never from inside a batch that has
-- written. Concurrent calls for one month are serialised by an advisory lock.
create function aml_transaction_month(at timestamptz) returns text
    language plpgsql as $$
declare
    lo   timestamptz := date_trunc('month', at, 'UTC');
    hi   timestamptz := date_trunc('month', at, 'UTC') + interval '1 month';
    name text;
begin
    select partition_name into name from aml_transaction_legacy where lo < until;
    if found then
        return name;
    end if;
    name := 'aml_transaction_' || to_char(lo at time zone 'UTC', 'YYYY_MM');
    if to_regclass(name) is not null then
        return name;
    end if;
    perform pg_advisory_xact_lock(hashtext('aml_transaction_month'));
    if to_regclass(name) is null then
        execute format('create table %I (like aml_transaction including defaults including constraints)', name);
        execute format('alter table aml_transaction attach partition %I for values from (%L) to (%L)', name, lo, hi);
    end if;
    return name;
end $$;
