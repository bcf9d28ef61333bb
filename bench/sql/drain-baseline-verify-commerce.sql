-- Did every pgbench transaction deliver a whole batch? Rows marked delivered, prospects marked replicated.
SELECT (SELECT count(*) FROM bench_drain_outbox WHERE status = 'DELIVERED'),
       (SELECT count(*) FROM bench_drain_prospect WHERE replication_status = 'REPLICATED');
