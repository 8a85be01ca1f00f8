-- Customer-level breaches that a later transaction can cure (AML-008, AML-009, AML-011), while their alert is open,
-- with the time of the transaction that last showed the breach: only a transaction that occurred after it resolves.
create table aml_curable_alert (
    alert_id      text        primary key,
    rule_id       text        not null,
    firm_id       text        not null,
    customer_id   text        not null,
    last_shown_at timestamptz not null
);
create index aml_curable_alert_customer on aml_curable_alert (firm_id, customer_id);

-- What the annual AML return counts per customer and Asia/Almaty calendar year beyond the transactions themselves:
-- EDD reported completed, residency on a high-risk list in force on a transaction's date. Only customers with one
-- of the two have a row.
create table aml_customer_year (
    firm_id           text    not null,
    year              integer not null,
    customer_id       text    not null,
    edd_completed     boolean not null,
    high_risk_country text,
    high_risk_list    text,
    primary key (firm_id, year, customer_id)
);

-- Curable alerts already open when this migration runs.
insert into aml_curable_alert (alert_id, rule_id, firm_id, customer_id, last_shown_at)
select f.alert_id, f.rule_id, f.firm_id, f.customer_id, max(t.occurred_at)
from aml_finding f
join alert_state a on a.alert_id = f.alert_id and a.status = 'OPEN'
join aml_transaction t on t.firm_id = f.firm_id and t.customer_id = f.customer_id
                      and t.transaction_id = any(f.transaction_ids)
where f.rule_id in ('AML-008', 'AML-009', 'AML-011')
group by f.alert_id, f.rule_id, f.firm_id, f.customer_id;
