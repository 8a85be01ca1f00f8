-- When AFSA approved the change in control a controller's holding relies on: an approval is valid for one year
-- (GEN 3.2.3(1)), so FP-008 treats a change effective after its first anniversary as unapproved.
alter table controller add column approval_date date;
