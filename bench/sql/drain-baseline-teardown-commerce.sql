DROP TABLE IF EXISTS bench_drain_prospect, bench_drain_outbox, bench_drain_link, bench_drain_timeline_entry,
    bench_drain_map_minute;
