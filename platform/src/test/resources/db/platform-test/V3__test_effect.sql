-- The test handler's effect: one row each time it applies an event. No key on event_key, so an event applied
-- twice would show as two rows; the inbox, not this table, has to prevent that.
create table test_effect (
    id         bigserial primary key,
    event_key  text        not null,
    firm_id    text        not null,
    applied_at timestamptz not null default now()
);
