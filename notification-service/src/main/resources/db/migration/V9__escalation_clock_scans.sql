-- The escalation clock's scans kept to the alerts still due (issue #18, flat as the data grows). Each round asks, per
-- reason, for the alerts that match and are not yet escalated for it. The one index it had (every unresolved alert by
-- status, severity and first sight) held the alerts already escalated as well, and nothing indexed the deadline, so a
-- round walked past every escalated CRITICAL alert nobody acknowledged and read every unresolved alert for the
-- deadlines: 1.1 s a round over 500,000 alerts (ClockScanBenchmark, BENCHMARKS.md), growing with the table. An alert
-- now carries the reasons it has been escalated for (alert_escalation stays the record and the once-per-reason guard;
-- the desk writes both in one transaction and empties both when an alert reopens), and each scan has a partial index
-- holding only the alerts still due for its reason: an escalation takes the alert out of it, so a round reads what it
-- escalates.
alter table alert add column escalated_for text[] not null default '{}';

update alert a
set escalated_for = e.reasons
from (select alert_id, array_agg(reason order by reason) as reasons from alert_escalation group by alert_id) e
where a.alert_id = e.alert_id;

-- ESC-001: OPEN (not acknowledged) CRITICAL alerts by first sight.
create index alert_clock_unacknowledged on alert (first_seen_at)
    where status = 'OPEN' and severity = 'CRITICAL' and not escalated_for @> '{CRITICAL_UNACKNOWLEDGED}';
-- ESC-002 and ESC-003: unresolved alerts with a regulatory deadline, by deadline.
create index alert_clock_deadline_near on alert (regulatory_deadline)
    where status <> 'RESOLVED' and regulatory_deadline is not null and not escalated_for @> '{DEADLINE_NEAR}';
create index alert_clock_deadline_passed on alert (regulatory_deadline)
    where status <> 'RESOLVED' and regulatory_deadline is not null and not escalated_for @> '{DEADLINE_PASSED}';

-- Every unresolved alert was in this one; the clock was its only reader.
drop index alert_open_clock;
