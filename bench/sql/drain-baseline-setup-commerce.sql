-- Same-work baseline of scenario 3, Commerce side: scratch copies of the tables the relay touches when it delivers a
-- batch (same columns, defaults, generated columns, indexes, constraints and storage parameters), and :n waiting
-- events in them: prospects and PENDING outbox rows copied from a real signup's (:template, a delivered
-- prospect.submitted outbox row), as bench/sql/backlog-chunk.sql writes the drain's backlog.
DROP TABLE IF EXISTS bench_drain_prospect, bench_drain_outbox, bench_drain_link, bench_drain_timeline_entry,
    bench_drain_map_minute;
CREATE TABLE bench_drain_prospect (LIKE prospect INCLUDING ALL);
CREATE TABLE bench_drain_outbox (LIKE dualwrite_outbox INCLUDING ALL);
CREATE TABLE bench_drain_link (LIKE dualwrite_link INCLUDING ALL);
CREATE TABLE bench_drain_timeline_entry (LIKE timeline_entry INCLUDING ALL);
CREATE TABLE bench_drain_map_minute (LIKE dualwrite_map_minute INCLUDING ALL);
SELECT format('ALTER TABLE %I SET (%s)', 'bench_drain_' || c.relname, array_to_string(c.reloptions, ', '))
  FROM pg_class c WHERE c.relname IN ('prospect') AND c.relkind = 'r' AND c.reloptions IS NOT NULL \gexec
SELECT format('ALTER TABLE %I SET (%s)', 'bench_drain_' || replace(c.relname, 'dualwrite_', ''), array_to_string(c.reloptions, ', '))
  FROM pg_class c WHERE c.relname IN ('dualwrite_outbox') AND c.relkind = 'r' AND c.reloptions IS NOT NULL \gexec
INSERT INTO bench_drain_prospect (id, number, status, company_name, first_name, last_name, email, phone, street, city,
    postal_code, country_code, vat_number, website, message, language, correlation_id, submitted_at,
    replication_status, version, reason_shareable)
SELECT g, 'PR-' || lpad(g::text, 6, '0'), 'NEW', 'Baseline ' || g || ' ' || t.company_name, t.first_name, t.last_name,
       'baseline.' || g || '@baseline-' || g || '.example', t.phone, t.street, t.city, t.postal_code, t.country_code,
       t.vat_number, t.website, t.message, t.language, gen_random_uuid()::text, clock_timestamp(), 'PENDING', 0, false
  FROM generate_series(1, :n) g
 CROSS JOIN (SELECT p.* FROM prospect p JOIN dualwrite_outbox o ON o.aggregate_id = p.id::text WHERE o.id = :template) t;
INSERT INTO bench_drain_outbox (event_id, table_map, aggregate_type, aggregate_id, seq, event_type, schema_version,
    origin, correlation_id, payload)
SELECT gen_random_uuid(), o.table_map, o.aggregate_type, p.id::text, 1, o.event_type, o.schema_version, o.origin,
       p.correlation_id, jsonb_set(jsonb_set(o.payload, '{prospectId}', to_jsonb(p.id)), '{prospectNumber}', to_jsonb(p.number))
  FROM bench_drain_prospect p CROSS JOIN dualwrite_outbox o
 WHERE o.id = :template
 ORDER BY p.id;
ANALYZE bench_drain_prospect;
ANALYZE bench_drain_outbox;
SELECT count(*) FROM bench_drain_outbox WHERE status = 'PENDING';
