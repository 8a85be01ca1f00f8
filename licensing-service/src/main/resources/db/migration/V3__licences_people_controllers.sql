-- The licence register: one row per firm, the licence as last registered or varied (published on aifc.licences).
create table licence (
    firm_id        text primary key,
    firm_name      text        not null,
    licence_number text        not null unique,
    status         text        not null,
    activities     jsonb       not null,
    effective_from date        not null,
    conditions     jsonb       not null,
    version        int         not null,
    updated_at     timestamptz not null default now()
);

-- Each person a firm reported, as the last staff event described them (the event carries the whole state).
create table person (
    firm_id         text        not null,
    person_id       text        not null,
    full_name       text        not null,
    last_change     text        not null,
    roles           jsonb       not null,
    afsa_approval   text        not null,
    resident        boolean     not null,
    seniority       text        not null,
    effective_date  date        not null,
    updated_at      timestamptz not null default now(),
    primary key (firm_id, person_id)
);

-- Every disclosure a person made (FP-004, FP-005), kept for the fit-and-proper view and the drafts.
create table person_disclosure (
    id          bigserial primary key,
    firm_id     text        not null,
    person_id   text        not null,
    kind        text        not null,
    occurred_on date        not null,
    details     text        not null,
    event_key   text        not null,
    received_at timestamptz not null default now()
);
create index person_disclosure_firm on person_disclosure (firm_id, person_id);

-- Each controller of a firm: its holding, AFSA approval, source-of-wealth evidence and the thresholds it
-- crossed upward without approval (FP-008), so a later approval or a fall below them clears the finding.
create table controller (
    firm_id             text          not null,
    controller_id       text          not null,
    name                text          not null,
    type                text          not null,
    holding_pct         numeric(9, 6) not null,
    afsa_approval       text          not null,
    source_of_wealth    boolean       not null,
    pending_thresholds  jsonb         not null,
    effective_date      date          not null,
    updated_at          timestamptz   not null default now(),
    primary key (firm_id, controller_id)
);

-- Drafted AFSA notifications, one per finding (id = the alert id), rewritten when the finding changes.
create table notification_draft (
    id          text primary key,
    firm_id     text        not null,
    kind        text        not null,
    rule_id     text        not null,
    title       text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    document    jsonb       not null
);
create index notification_draft_firm on notification_draft (firm_id, created_at desc);
