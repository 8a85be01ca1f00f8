-- The delivery log shows a coarse outcome per attempt, never a network error's text (#15.2).
alter table webhook_attempt add column outcome text;
update webhook_attempt set outcome = case
    when status_code between 200 and 299 then 'DELIVERED'
    when status_code between 300 and 399 then 'HTTP_3XX'
    when status_code between 400 and 499 then 'HTTP_4XX'
    when status_code is not null then 'HTTP_5XX'
    else 'CONNECTION_FAILED' end;
alter table webhook_attempt alter column outcome set not null;
alter table webhook_attempt drop column error;

alter table webhook_delivery add column last_outcome text;
update webhook_delivery d set last_outcome = (select a.outcome from webhook_attempt a where a.delivery_id = d.id
                                              order by a.attempt desc limit 1);
alter table webhook_delivery drop column last_error;

-- Subscriptions are counted per firm for the quota.
create index webhook_subscription_by_firm on webhook_subscription (firm_id);
