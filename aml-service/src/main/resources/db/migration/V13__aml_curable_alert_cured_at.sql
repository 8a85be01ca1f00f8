-- A cured breach keeps its row with the time of the transaction that cured it (null while open). A transaction
-- delivered late that occurred before the cure shows the breach as it was then: it raises no alert again. One that
-- occurred after the cure opens the row again.
alter table aml_curable_alert add column cured_at timestamptz;

-- The batch path looks up a customer's open breaches only; cured rows accumulate and are read by alert id.
drop index aml_curable_alert_customer;
create index aml_curable_alert_open on aml_curable_alert (firm_id, customer_id) where cured_at is null;
