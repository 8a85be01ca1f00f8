-- Alert history (#17.4): an alert's timeline reads its audit entries by subject (AuditTrail.about), and the history
-- search filters by rule. Numbered 7.1 so that a V7 of a parallel change applies before it without a clash.
create index audit_log_subject on audit_log (subject, seq);
create index alert_rule on alert (rule_id, detected_at desc);
