-- The alert desk: one row per alertId (a repeated raise refreshes it), with its lifecycle and escalation.
create table alert (
    alert_id            text primary key,
    firm_id             text        not null,
    duty                text        not null,
    rule_id             text        not null,
    rulebook_version    text        not null,
    citation            text,
    severity            text        not null,
    severity_rank       smallint    not null,
    title               text        not null,
    detail              text        not null,
    evidence            jsonb       not null,
    caused_by           jsonb       not null,
    links               jsonb       not null,
    detected_at         timestamptz not null,
    regulatory_deadline timestamptz,
    deadline_basis      text,
    status              text        not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    first_seen_at       timestamptz not null,
    updated_at          timestamptz not null,
    acknowledged_by     text,
    acknowledged_at     timestamptz,
    resolved_by         text,
    resolved_at         timestamptz,
    resolution_reason   text,
    escalated_at        timestamptz,
    escalation_reason   text,
    version             bigint      not null default 1
);
create index alert_newest on alert (detected_at desc, alert_id);
create index alert_firm_status on alert (firm_id, status, detected_at desc);
create index alert_open_clock on alert (status, severity, first_seen_at) where status <> 'RESOLVED';

-- Each escalation once per alert and reason (a reopened alert starts afresh): the clock's idempotency guard.
create table alert_escalation (
    alert_id     text        not null references alert (alert_id) on delete cascade,
    reason       text        not null,
    escalated_at timestamptz not null,
    detail       text        not null,
    primary key (alert_id, reason)
);

-- Webhook endpoints; filters are optional (null = everything the subscriber may see).
create table webhook_subscription (
    id             uuid primary key,
    url            text        not null,
    secret         text        not null,
    firm_id        text,
    duties         text[],
    severities     text[],
    sees_aml_links boolean     not null,
    created_by     text        not null,
    created_at     timestamptz not null,
    active         boolean     not null default true
);

-- Persistent delivery queue and log: written in the alert's transaction, sent after commit, retried with back-off.
create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    alert_id         text        not null,
    change           text        not null,
    body             text        not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    last_status_code int,
    last_error       text
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, created_at desc);

-- One row per HTTP attempt: the delivery log a subscriber reads.
create table webhook_attempt (
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempt      int         not null,
    at           timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  bigint      not null,
    primary key (delivery_id, attempt)
);
