-- Same-run baseline, Commerce side: scratch copies of the tables a signup writes (same columns, defaults,
-- indexes and unique constraints), and one real outbox payload and mail body as templates.
DROP TABLE IF EXISTS bench_prospect, bench_dualwrite_outbox, bench_dualwrite_sequence, bench_timeline_entry,
    bench_mail_message, bench_template;
DROP SEQUENCE IF EXISTS bench_prospect_seq;
CREATE SEQUENCE bench_prospect_seq;
CREATE TABLE bench_prospect (LIKE prospect INCLUDING ALL);
CREATE TABLE bench_dualwrite_outbox (LIKE dualwrite_outbox INCLUDING ALL);
CREATE TABLE bench_dualwrite_sequence (LIKE dualwrite_sequence INCLUDING ALL);
CREATE TABLE bench_timeline_entry (LIKE timeline_entry INCLUDING ALL);
CREATE TABLE bench_mail_message (LIKE mail_message INCLUDING ALL);
CREATE TABLE bench_template AS
SELECT 1 AS id, o.payload, m.kind, m.subject, m.body_html, m.body_text
  FROM (SELECT payload FROM dualwrite_outbox WHERE event_type = 'prospect.submitted' ORDER BY id DESC LIMIT 1) o,
       (SELECT kind, subject, body_html, body_text FROM mail_message ORDER BY id DESC LIMIT 1) m;
ALTER TABLE bench_template ADD PRIMARY KEY (id);
SELECT count(*) FROM bench_template;
