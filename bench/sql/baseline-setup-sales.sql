-- Same-run baseline, Sales side: scratch copies of the tables the inbox writes for one prospect event.
DROP TABLE IF EXISTS bench_dualwrite_inbox, bench_lead, bench_dualwrite_link, bench_timeline_entry;
DROP SEQUENCE IF EXISTS bench_lead_seq;
CREATE SEQUENCE bench_lead_seq;
CREATE TABLE bench_dualwrite_inbox (LIKE dualwrite_inbox INCLUDING ALL);
CREATE TABLE bench_lead (LIKE lead INCLUDING ALL);
CREATE TABLE bench_dualwrite_link (LIKE dualwrite_link INCLUDING ALL);
CREATE TABLE bench_timeline_entry (LIKE timeline_entry INCLUDING ALL);
SELECT 1;
