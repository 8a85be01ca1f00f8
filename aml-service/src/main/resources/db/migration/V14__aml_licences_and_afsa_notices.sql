-- The licence register as aml-service needs it (aifc.licences, compacted): each firm's latest licence state, so that
-- a case decided FILE_STR knows whether the firm is a DATF operator (DAA 2.13.1(b), AML-013). Licence events go
-- through the platform inbox (inbound_event), so a redelivery changes nothing.
create table aml_firm_licence (
    firm_id        text        primary key,
    status         text        not null,
    activities     text[]      not null,
    effective_from date        not null,
    event_key      text        not null,
    updated_at     timestamptz not null
);

-- The AFSA notices an STR makes due (AML-013: DAA 2.13.1(b) for a DATF operator; AML-014: AML 13.8.1(c) for every
-- firm): raised in the transaction of the MLRO's FILE_STR decision, open until the MLRO marks the case's notice sent.
-- Kept here, not on the shared alert desk: that such an alert exists says an STR was filed (tipping-off), so only the
-- firm's MLRO and the regulator read them.
create table aml_afsa_notice (
    alert_id       text        primary key,
    rule_id        text        not null,
    firm_id        text        not null,
    case_id        text        not null references aml_case (case_id),
    raised_at      timestamptz not null,
    due_at         timestamptz not null,
    deadline_basis text        not null,
    sent_at        timestamptz,
    sent_by        text,
    sent_reference text
);
create index aml_afsa_notice_firm on aml_afsa_notice (firm_id, raised_at);
create index aml_afsa_notice_case on aml_afsa_notice (case_id);
