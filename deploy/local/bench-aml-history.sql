-- Simulated history for bench-aml.sh (AML_BENCH_HISTORY_DAYS): screened transactions already stored, as a firm that
-- has run the service for a while has them (records are kept six years, AML 14.5.1), so the benchmark can show the
-- rate against a full table as well as an empty one. Written straight into aml_transaction with SQL (the service is
-- stopped), one statement per simulated day. With a schema partitioned by month (V15) each month's partition is made
-- first by the service's own database function; an older schema (one table) is filled the same way, for comparison.
-- Variables (psql -v): from_days, to_days (the days ago of the first and last day), per_day (rows a day).
-- The same three firms and 50,000 customers each as the load scenario, the direction mix of a busy exchange (about a
-- third trades), event keys as random as a firm's UUIDs (the inbox key's index gets no help from their order), and
-- each row's payload in one shared chunk: the chunk table is not what the history is meant to grow.
\set ON_ERROR_STOP on
insert into aml_payload_chunk (chunk_id, payloads)
values (nextval('aml_payload_chunk_seq'), convert_to(repeat('{"history":true}', 40), 'UTF8'));
select set_config('bench.from_days', :'from_days', false), set_config('bench.to_days', :'to_days', false) \gset
do $$
begin
    if to_regproc('aml_transaction_month') is not null then
        execute 'select count(aml_transaction_month(m)) from generate_series($1, $2, interval ''1 month'') m'
            using date_trunc('month', now() - make_interval(days => current_setting('bench.from_days')::int), 'UTC'),
                  now() - make_interval(days => current_setting('bench.to_days')::int);
    end if;
end $$;
select format($sql$
    insert into aml_transaction (firm_id, customer_id, transaction_id, event_key, occurred_at, direction,
                                 amount_usd, amount_kzt, payload_chunk, payload_from, payload_length)
    select f.firm, 'C-' || lpad(((i * 7919 + %1$s * 104729) %% 50000)::text, 6, '0'), 'H%1$s-' || i,
           'urn:aifc:simulator/' || md5(%1$s || '-' || i)::uuid,
           %2$L::timestamptz + i * (interval '86400 seconds' / %3$s),
           (array['DEPOSIT', 'WITHDRAWAL', 'TRADE', 'TRADE', 'TRANSFER_IN', 'TRANSFER_OUT', 'DEPOSIT'])[1 + (i * 31) %% 7],
           a.usd, a.usd * 450, currval('aml_payload_chunk_seq'), 0, 640
    from generate_series(0, %3$s - 1) i,
         lateral (select (array['F-DATF-01', 'F-CUST-01', 'F-DEAL-01'])[1 + i %% 3] as firm) f,
         lateral (select round((10 + random() * 4990 + 0 * i)::numeric, 2) as usd) a
    $sql$, d, date_trunc('day', now() - make_interval(days => d)), :per_day)
from generate_series(:from_days, :to_days, -1) d
\gexec
analyze aml_transaction;
