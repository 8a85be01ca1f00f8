-- A subscription keeps the AML view of the role that made it (tipping-off, #15.1): FULL for mlro, regulator and admin,
-- RESTRICTED (no detail, evidence, causedBy, links or resolution reason on AML alerts) for the compliance officer.
alter table webhook_subscription add column aml_view text not null default 'RESTRICTED'
    check (aml_view in ('FULL', 'RESTRICTED'));
update webhook_subscription set aml_view = case when sees_aml_links then 'FULL' else 'RESTRICTED' end;
alter table webhook_subscription alter column aml_view drop default;
alter table webhook_subscription drop column sees_aml_links;
