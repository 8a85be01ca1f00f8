-- Alert mail (#17.5): the addresses that receive CRITICAL alerts, escalations and approaching deadlines, per firm and
-- role (PUT /firms/{firmId}/mail-recipients, admin). The role decides the AML view: an MLRO address gets the whole
-- alert, a compliance officer's the restricted view (tipping-off, alerts/AmlView).
create table mail_recipient (
    firm_id    text        not null,
    role       text        not null check (role in ('compliance-officer', 'mlro')),
    address    text        not null,
    updated_by text        not null,
    updated_at timestamptz not null,
    primary key (firm_id, role, address)
);

-- Persistent mail queue and log: written in the alert's transaction, sent after commit, retried with back-off. One row
-- per alert, event and recipient: a redelivered event or a second replica cannot queue the same mail twice.
create table mail_delivery (
    id              uuid primary key,
    alert_id        text        not null,
    event           text        not null,
    firm_id         text        not null,
    recipient       text        not null,
    aml_view        text        not null check (aml_view in ('FULL', 'RESTRICTED')),
    subject         text        not null,
    body            text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    last_outcome    text,
    unique (alert_id, event, recipient)
);
create index mail_delivery_due on mail_delivery (next_attempt_at) where status = 'PENDING';
create index mail_delivery_by_firm on mail_delivery (firm_id, created_at desc);

-- One row per SMTP attempt, with a coarse outcome (never the server's text, which may echo an address).
create table mail_attempt (
    delivery_id uuid        not null references mail_delivery (id) on delete cascade,
    attempt     int         not null,
    at          timestamptz not null,
    outcome     text        not null,
    duration_ms bigint      not null,
    primary key (delivery_id, attempt)
);

-- A paused webhook subscription keeps queueing deliveries; the dispatcher sends none of them until it is resumed.
alter table webhook_subscription add column paused_at timestamptz;
alter table webhook_subscription add column paused_by text;
