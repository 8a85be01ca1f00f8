-- Every event this service has applied, by CloudEvents source/id: the exactly-once guard and the raw record.
create table inbound_event (
    event_key   text primary key,
    event_type  text        not null,
    firm_id     text        not null,
    event_time  timestamptz,
    received_at timestamptz not null default now(),
    payload     jsonb       not null
);
create index inbound_event_firm on inbound_event (firm_id, received_at);
