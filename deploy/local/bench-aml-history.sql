-- Simulated history for bench-aml.sh (AML_BENCH_HISTORY_DAYS): what a firm that has run the service for a while has
-- stored (records are kept six years, AML 14.5.1), so the benchmark can show the rate against full tables as well as
-- empty ones. Written straight into the tables with SQL (the service is stopped), one statement per simulated day and
-- table group. Variables (psql -v): from_days, to_days (the days ago of the first and last day), per_day (screened
-- transactions a day), transactions and alerts (1 or 0: which of the two groups below to store).
--
-- Screened transactions (aml_transaction): with a schema partitioned by month (V15) each month's partition is made
-- first by the service's own database function; an older schema (one table) is filled the same way, for comparison.
-- The same three firms and 50,000 customers each as the load scenario, the direction mix of a busy exchange (about a
-- third trades), event keys as random as a firm's UUIDs (the inbox key's index gets no help from their order), and
-- each row's payload in one shared chunk: the chunk table is not what the history is meant to grow.
--
-- What the alerts left (alert_state, aml_finding, aml_case, aml_curable_alert, audit_log, outbox), in the proportions
-- the load scenario gives: a run of bench-aml.sh stored, per million screened transactions, about 20,700 alert states,
-- 27,700 findings, 3,600 cases, 1,800 curable alerts and 25,000 audit entries and outbox records (2026-12-08,
-- 2.87 million transactions). A history alert has its rule drawn from that run's mix, one finding (five for a curable
-- rule's alert, which finds again each time it is shown), a case for three in five alerts of the rules that open one,
-- and was raised and resolved: two audit entries and two published outbox records, more than the traffic's 1.2,
-- so the append-only tables are if anything fuller than a year's. Every history alert, case and curable alert is closed,
-- as a year's would mostly be; their ids are as random as the service's (keyed digests, UUIDs), so the keys the live run
-- writes into are a year's size. The audit entries' hashes are not a chain (the benchmark does not verify it).
\set ON_ERROR_STOP on
\if :transactions
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
\endif

\if :alerts
select greatest(1, round(:per_day * 0.0207))::int as alerts_per_day,
       coalesce((select max(seq) from audit_log), 0) as audit_base \gset
select format($sql$
    with a as (
        select i, f.firm, r.rule,
               'C-' || lpad(((i * 7919 + %1$s * 104729) %% 50000)::text, 6, '0') as customer,
               r.rule || '-' || md5('history-' || %1$s || '-' || i) as alert_id,
               'CASE-' || md5('history-case-' || %1$s || '-' || i)::uuid as case_id,
               'H%1$s-' || i as transaction_id,
               %2$L::timestamptz + i * (interval '86400 seconds' / %3$s) as raised_at,
               r.rule in ('AML-001', 'AML-005', 'AML-006', 'AML-007') and i %% 5 < 3 as opens_case,
               r.rule in ('AML-008', 'AML-009', 'AML-011') as curable
        from generate_series(0, %3$s - 1) i,
             lateral (select (array['F-DATF-01', 'F-CUST-01', 'F-DEAL-01'])[1 + i %% 3] as firm) f,
             lateral (select (array['AML-004', 'AML-004', 'AML-004', 'AML-004', 'AML-004', 'AML-004', 'AML-004',
                                    'AML-004', 'AML-004', 'AML-004', 'AML-004', 'AML-004', 'AML-004', 'AML-004',
                                    'AML-004', 'AML-004', 'AML-004', 'AML-007', 'AML-007', 'AML-007', 'AML-007',
                                    'AML-007', 'AML-007', 'AML-002', 'AML-002', 'AML-002', 'AML-002', 'AML-002',
                                    'AML-006', 'AML-006', 'AML-006', 'AML-006', 'AML-003', 'AML-003', 'AML-003',
                                    'AML-009', 'AML-009', 'AML-010', 'AML-010', 'AML-001', 'AML-008', 'AML-005',
                                    'AML-011'])[1 + (i * 37) %% 43] as rule) r
    ), states as (
        insert into alert_state (alert_id, firm_id, rule_id, severity, status, fingerprint, payload, raised_at,
                                 updated_at, resolved_at)
        select alert_id, firm, rule, 'HIGH', 'RESOLVED', md5(alert_id),
               jsonb_build_object('alertId', alert_id, 'firmId', firm, 'duty', 'AML', 'ruleId', rule,
                   'rulebookVersion', '2026.1', 'citation', 'simulated history', 'severity', 'HIGH',
                   'title', 'Simulated history alert', 'detail', 'Transaction ' || transaction_id || ' of customer '
                   || customer || ' ' || repeat('in the simulated history of the benchmark ', 12),
                   'causedBy', jsonb_build_array('urn:aifc:simulator/' || md5(alert_id)::uuid),
                   'evidence', jsonb_build_object('basis', 'simulated', 'amountUsd', '1000.00')),
               raised_at, raised_at + interval '3 days', raised_at + interval '3 days'
        from a
    ), findings as (
        insert into aml_finding (alert_id, rule_id, firm_id, customer_id, case_id, transaction_ids, detected_at,
                                 detail, evidence)
        select alert_id, rule, firm, customer, case when opens_case then case_id end, array[transaction_id],
               raised_at + k * interval '1 day',
               'Transaction ' || transaction_id || ' ' || repeat('in the simulated history ', 4),
               jsonb_build_object('basis', 'simulated', 'amountUsd', '1000.00', 'customerType', 'NATURAL')
        from a, generate_series(0, case when curable then 4 else 0 end) k
    ), cases as (
        insert into aml_case (case_id, firm_id, customer_id, status, opened_at, updated_at, rule_ids, transaction_ids,
                              decided_at, decided_by, decision_reasons)
        select case_id, firm, customer, case when i %% 10 = 0 then 'FILE_STR' else 'NO_STR' end, raised_at,
               raised_at + interval '3 days', array[rule], array[transaction_id], raised_at + interval '3 days',
               'mlro@history', 'Simulated history: reviewed'
        from a where opens_case
    ), curables as (
        insert into aml_curable_alert (alert_id, rule_id, firm_id, customer_id, last_shown_at, cured_at)
        select alert_id, rule, firm, customer, raised_at + interval '4 days', raised_at + interval '5 days'
        from a where curable
    ), events as (
        select a.*, e.action, e.at, row_number() over (order by e.at, a.i, e.action) as n
        from a, lateral (values ('alert.raised', raised_at), ('alert.resolved', raised_at + interval '3 days')) e(action, at)
    ), audit as (
        insert into audit_log (seq, at, actor, action, firm_id, subject, detail, prev_hash, hash)
        select %4$s + (%5$s - 1) * 2 * %3$s + n, at, 'urn:aifc:aml-service', action, firm, alert_id,
               jsonb_build_object('alertId', alert_id, 'firmId', firm, 'ruleId', rule,
                   'detail', repeat('in the simulated history of the benchmark ', 18))::text,
               md5(alert_id || action || 'p') || md5(alert_id || action || 'q'),
               md5(alert_id || action || 'r') || md5(alert_id || action || 's')
        from events
    )
    insert into outbox (topic, record_key, headers, payload, created_at, published_at)
    select 'aifc.compliance.alerts', firm,
           jsonb_build_object('ce_id', md5(alert_id || action)::uuid, 'ce_type', 'kz.aifc.' || action || '.v1',
               'ce_source', 'urn:aifc:aml-service', 'ce_subject', firm, 'ce_specversion', '1.0',
               'content-type', 'application/json'),
           convert_to(repeat('in the simulated history of the benchmark ', 19), 'UTF8'), at, at
    from events order by n
    $sql$, d, date_trunc('day', now() - make_interval(days => d)), :alerts_per_day, :audit_base,
    (:'from_days'::int - d + 1))
from generate_series(:from_days, :to_days, -1) d
\gexec
analyze alert_state, aml_finding, aml_case, aml_curable_alert, audit_log, outbox;
\endif
