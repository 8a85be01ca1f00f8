-- Screened transactions are the high-volume stream: one row per event, not two. aml_transaction becomes their inbox
-- (DESIGN.md "Exactly-once effect": the event key is recorded in the same transaction as the effects), keyed by the
-- CloudEvents source/id, and keeps the payload as received so the STR draft can describe each operation.
-- inbound_event stays the inbox of the low-volume licence stream.
alter table aml_transaction add column payload text;
update aml_transaction t set payload = e.payload::text from inbound_event e where e.event_key = t.event_key;
delete from aml_transaction where payload is null;
alter table aml_transaction alter column payload set not null;
alter table aml_transaction add constraint aml_transaction_pkey primary key (event_key);
-- Amounts as the firm sent them: numeric(38,18) padded every value to 18 decimals, which made each row and each
-- amount rebuilt into a customer history several times larger than the value itself.
alter table aml_transaction alter column amount_usd type numeric, alter column amount_kzt type numeric;
