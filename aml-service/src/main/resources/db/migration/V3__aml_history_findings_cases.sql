-- Compact per-customer transaction history: what the window rules need, and what rebuilds a window after a restart
-- or a partition moving to another instance. Uniqueness comes from inbound_event (the same event is never applied twice).
create table aml_transaction (
    firm_id        text          not null,
    customer_id    text          not null,
    transaction_id text          not null,
    event_key      text          not null,
    occurred_at    timestamptz   not null,
    direction      text          not null,
    amount_usd     numeric(38, 18) not null,
    amount_kzt     numeric(38, 18)
);
create index aml_transaction_customer on aml_transaction (firm_id, customer_id, occurred_at);

-- Suspicious-activity cases: one open case per customer gathers the suspicion findings of an episode (AML 13.7-13.8).
create table aml_case (
    case_id         text        primary key,
    firm_id         text        not null,
    customer_id     text        not null,
    status          text        not null check (status in ('OPEN', 'FILE_STR', 'NO_STR')),
    opened_at       timestamptz not null,
    updated_at      timestamptz not null,
    rule_ids        text[]      not null,
    transaction_ids text[]      not null,
    overdue_alert   text,
    decided_at      timestamptz,
    decided_by      text,
    decision_reasons text
);
create unique index aml_case_one_open on aml_case (firm_id, customer_id) where status = 'OPEN';
create index aml_case_firm on aml_case (firm_id, opened_at desc);
create index aml_case_overdue on aml_case (opened_at) where status = 'OPEN' and overdue_alert is null;

-- Every rule finding as detected (records kept at least six years, AML 14.5.1); alerts hold the latest view.
create table aml_finding (
    id              bigserial   primary key,
    alert_id        text        not null,
    rule_id         text        not null,
    firm_id         text        not null,
    customer_id     text        not null,
    case_id         text,
    transaction_ids text[]      not null,
    detected_at     timestamptz not null,
    detail          text        not null,
    evidence        jsonb       not null
);
create index aml_finding_case on aml_finding (case_id) where case_id is not null;
create index aml_finding_firm on aml_finding (firm_id, detected_at);
