-- Outgoing events, written in the transaction that caused them and published after commit (OutboxRelay).
create table outbox (
    id           bigserial primary key,
    topic        text        not null,
    record_key   text        not null,
    headers      jsonb       not null,
    payload      bytea       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;

-- Every alert this service raised, by its stable id: open or resolved, with the last payload sent.
create table alert_state (
    alert_id    text primary key,
    firm_id     text        not null,
    rule_id     text        not null,
    severity    text        not null,
    status      text        not null check (status in ('OPEN', 'RESOLVED')),
    fingerprint text        not null,
    payload     jsonb       not null,
    raised_at   timestamptz not null,
    updated_at  timestamptz not null,
    resolved_at timestamptz
);
create index alert_state_open on alert_state (firm_id, rule_id) where status = 'OPEN';

-- Append-only, hash-chained audit log (AuditTrail): each hash covers the previous hash and the entry.
create table audit_log (
    seq       bigint primary key,
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    firm_id   text,
    subject   text,
    detail    text        not null,
    prev_hash char(64)    not null,
    hash      char(64)    not null unique
);
create index audit_log_firm on audit_log (firm_id, seq);
