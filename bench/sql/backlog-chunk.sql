-- Scenario 3: one chunk of backlog, written by SQL in the shape of a real signup. The template is a delivered
-- prospect.submitted outbox row (:template) and its prospect; each copy gets a new prospect id from
-- prospect_seq, number, company, email and correlation id, its timeline entry, its per-record sequence and
-- its outbox event (payload = the template's with the copy's id, number, URL, company and email). No mail
-- row: the drain measures the bridge, not the mail queue. Run while the map is paused.
BEGIN;
CREATE TEMP TABLE bench_new ON COMMIT DROP AS
SELECT nextval('prospect_seq') AS id, g FROM generate_series(1, :n) g;
INSERT INTO prospect (id, number, status, company_name, first_name, last_name, email, phone, street, city,
    postal_code, country_code, vat_number, website, message, language, correlation_id, submitted_at,
    replication_status, version, reason_shareable)
SELECT n.id, 'PR-' || lpad(n.id::text, greatest(6, length(n.id::text)), '0'), 'NEW', 'Backlog ' || n.id || ' ' || t.company_name, t.first_name,
       t.last_name, 'backlog.' || n.id || '@backlog-' || n.id || '.example', t.phone, t.street, t.city,
       t.postal_code, t.country_code, t.vat_number, t.website, t.message, t.language, gen_random_uuid()::text,
       clock_timestamp(), 'PENDING', 0, false
  FROM bench_new n
 CROSS JOIN (SELECT p.* FROM prospect p JOIN dualwrite_outbox o ON o.aggregate_id = p.id::text
              WHERE o.id = :template) t;
INSERT INTO timeline_entry (record_type, record_id, source, message_key, arg0, arg1, correlation_id)
SELECT 'prospect', p.id::text, 'USER', 'timeline.prospect.submitted', p.first_name || ' ' || p.last_name, p.email,
       p.correlation_id
  FROM bench_new n JOIN prospect p ON p.id = n.id;
INSERT INTO dualwrite_sequence (aggregate_type, aggregate_id, last_seq)
SELECT 'prospect', n.id::text, 1 FROM bench_new n;
INSERT INTO dualwrite_outbox (event_id, table_map, aggregate_type, aggregate_id, seq, event_type, schema_version,
    origin, correlation_id, payload)
SELECT gen_random_uuid(), o.table_map, o.aggregate_type, p.id::text, 1, o.event_type, o.schema_version, o.origin,
       p.correlation_id,
       jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(o.payload,
           '{prospectId}', to_jsonb(p.id)),
           '{prospectNumber}', to_jsonb(p.number)),
           '{prospectUrl}', to_jsonb(regexp_replace(o.payload ->> 'prospectUrl', '[0-9]+$', p.id::text))),
           '{contact,email}', to_jsonb(p.email)),
           '{company,name}', to_jsonb(p.company_name))
  FROM bench_new n JOIN prospect p ON p.id = n.id
 CROSS JOIN dualwrite_outbox o
 WHERE o.id = :template
 ORDER BY n.id;
COMMIT;
