DROP TABLE IF EXISTS bench_prospect, bench_dualwrite_outbox, bench_dualwrite_sequence, bench_timeline_entry,
    bench_mail_message, bench_template;
DROP SEQUENCE IF EXISTS bench_prospect_seq;
