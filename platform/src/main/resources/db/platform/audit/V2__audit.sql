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
