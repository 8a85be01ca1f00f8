-- A cured breach keeps its row with the time of the transaction that cured it (null while open). A transaction
-- delivered late that occurred before the cure shows the breach as it was then: it raises no alert again. One that
-- occurred after the cure shows a new breach and opens the row again.
alter table aml_curable_alert add column cured_at timestamptz;
