-- Did every pgbench transaction apply a whole batch? Leads and inbox rows written.
SELECT (SELECT count(*) FROM bench_drain_lead), (SELECT count(*) FROM bench_drain_inbox);
