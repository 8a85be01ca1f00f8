-- One row per firm this service knows: the row every evaluation of the firm locks, so the snapshot consumer,
-- the licence consumer and the reporting-gap check never interleave on one firm.
create table firm (
    firm_id    text primary key,
    first_seen timestamptz not null default now()
);

-- The firm's latest licence as licensing-service published it (aifc.licences, latest per firm).
create table licence_state (
    firm_id        text primary key references firm (firm_id),
    firm_name      text        not null,
    licence_number text        not null,
    status         text        not null,
    effective_from date        not null,
    payload        jsonb       not null,
    event_key      text        not null,
    updated_at     timestamptz not null default now()
);

-- Every snapshot received, late ones included; the current position is the latest non-late one.
create table capital_snapshot (
    id                    bigserial primary key,
    firm_id               text        not null references firm (firm_id),
    event_key             text        not null unique,
    as_of                 timestamptz not null,
    currency              text        not null,
    usd_rate              numeric     not null,
    payload               jsonb       not null,
    capital_resources_usd numeric     not null,
    requirement_usd       numeric,
    requirement_basis     text,
    below_requirement     boolean,
    late                  boolean     not null,
    received_at           timestamptz not null default now()
);
create index capital_snapshot_current on capital_snapshot (firm_id, as_of desc, id desc) where not late;
create index capital_snapshot_history on capital_snapshot (firm_id, as_of, id);
