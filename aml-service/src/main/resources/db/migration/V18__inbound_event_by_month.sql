-- The inbox (the platform's inbound_event, db/platform/inbox/V1) by the UTC month of each event's time. Every applied
-- event stays here as the raw record of what the firm sent, kept as long as the records it caused (six years: AML
-- 14.5.1, domain-facts B11), and its key, the CloudEvents source/id, is random: one B-tree over all of it took a write
-- at a random place per event and outgrew the database's cache within a year of a busy stream (BENCHMARKS.md,
-- notification-service, "The inbox by month"). Each month now has its own table and key, so the key being written
-- stays the size of a month. Nothing is deleted: old months stay as partitions; the service never detaches one.
--
-- The key is (event_key, event_month): a redelivery is the same CloudEvent with the same time, so the same month, and
-- conflicts with its first delivery. An event without a time (CloudEvents makes it optional; the contract expects it),
-- or dated before 1970, is kept under 1970-01, so its redeliveries meet it too. An event id reused with a time in
-- another month, which CloudEvents forbids, may now be applied as a second event, as aml-service's screened
-- transactions already allow (its V15).
--
-- The same script in every service, each at its own next number (platform/README).
alter table inbound_event rename to inbound_event_legacy_rows;
alter index inbound_event_firm rename to inbound_event_legacy_rows_firm;
alter table inbound_event_legacy_rows rename constraint inbound_event_pkey to inbound_event_legacy_rows_pkey;
alter table inbound_event_legacy_rows add column event_month text;

create table inbound_event (
    event_key   text        not null,
    event_type  text        not null,
    firm_id     text        not null,
    event_time  timestamptz,
    received_at timestamptz not null default now(),
    payload     jsonb       not null,
    event_month date        not null,
    constraint inbound_event_pkey primary key (event_key, event_month)
) partition by range (event_month);
create index inbound_event_firm on inbound_event (firm_id, received_at);

-- Events applied before this version stay where they are: the old table, given each row's month, becomes the
-- partition of every month up to the end of the latest month it holds (or of this month), so no row moves; later
-- months get their own partitions. An empty old table (a new installation) is simply dropped.
create table inbound_event_legacy (
    partition_name text primary key,
    until          date not null
);
do $$
declare
    bound date;
begin
    if not exists (select 1 from inbound_event_legacy_rows) then
        drop table inbound_event_legacy_rows;
        return;
    end if;
    alter table inbound_event_legacy_rows drop constraint inbound_event_legacy_rows_pkey;
    -- Each stored row's month, as the service computes it for a redelivery: the one step here that takes time in
    -- proportion to the stored events. A change of the column's type rewrites the table once, compact, with its
    -- indexes built anew (an update would leave every old row version behind, the table twice its size).
    alter table inbound_event_legacy_rows
        alter column event_month type date using greatest(date '1970-01-01',
            coalesce(date_trunc('month', event_time at time zone 'UTC')::date, date '1970-01-01')),
        alter column event_month set not null;
    select (date_trunc('month', greatest(max(event_month), (now() at time zone 'UTC')::date)) + interval '1 month')::date
      into bound
      from inbound_event_legacy_rows;
    -- The bound proven by a constraint first, so the attach does not scan the table under its lock a second time.
    execute format('alter table inbound_event_legacy_rows add constraint inbound_event_legacy_rows_bound '
                   'check (event_month < %L)', bound);
    alter table inbound_event_legacy_rows
        add constraint inbound_event_legacy_rows_pkey primary key (event_key, event_month);
    execute format('alter table inbound_event attach partition inbound_event_legacy_rows '
                   'for values from (minvalue) to (%L)', bound);
    alter table inbound_event_legacy_rows drop constraint inbound_event_legacy_rows_bound;
    insert into inbound_event_legacy values ('inbound_event_legacy_rows', bound);
end $$;

-- The partition of the UTC month holding an instant, made if it does not exist yet; answers its name. The service
-- calls it from a transaction of its own the first time it meets a month (MonthPartitions), never from a batch's:
-- attaching takes a lock on the parent that waits for other attaches. Concurrent calls for one month are serialised
-- by an advisory lock.
create function inbound_event_month(at timestamptz) returns text
    language plpgsql as $$
declare
    lo   date := date_trunc('month', at at time zone 'UTC')::date;
    hi   date := (date_trunc('month', at at time zone 'UTC') + interval '1 month')::date;
    name text;
begin
    select partition_name into name from inbound_event_legacy where lo < until;
    if found then
        return name;
    end if;
    name := 'inbound_event_' || to_char(lo, 'YYYY_MM');
    if to_regclass(name) is not null then
        return name;
    end if;
    perform pg_advisory_xact_lock(hashtext('inbound_event_month'));
    if to_regclass(name) is null then
        execute format('create table %I (like inbound_event including defaults)', name);
        execute format('alter table inbound_event attach partition %I for values from (%L) to (%L)', name, lo, hi);
    end if;
    return name;
end $$;
