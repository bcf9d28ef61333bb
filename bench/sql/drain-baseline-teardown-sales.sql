DROP TABLE IF EXISTS bench_drain_inbox, bench_drain_lead, bench_drain_link, bench_drain_timeline_entry,
    bench_drain_map_minute, bench_drain_lead_template;
DROP SEQUENCE IF EXISTS bench_drain_lead_seq;
