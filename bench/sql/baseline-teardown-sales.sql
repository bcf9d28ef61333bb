DROP TABLE IF EXISTS bench_dualwrite_inbox, bench_lead, bench_dualwrite_link, bench_timeline_entry;
DROP SEQUENCE IF EXISTS bench_lead_seq;
