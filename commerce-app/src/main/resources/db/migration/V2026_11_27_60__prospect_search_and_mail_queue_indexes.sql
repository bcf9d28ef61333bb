-- Indexes found missing by the benchmark (bench/run.sh, bench/results/latest.md).

-- All prospects search (ProspectService.search) matches "contains" on company, contact name and email:
-- lower(column) LIKE '%q%'. No b-tree serves a leading wildcard, so every search read the whole table (about
-- 1 s per query at 1,000,000 prospects, twice per page: list and count). Trigram GIN indexes on the very
-- expressions Hibernate sends let PostgreSQL answer with a BitmapOr of index scans instead.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
-- On a large live table, create these indexes CONCURRENTLY (outside a transaction) before deploying.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX prospect_company_trgm ON prospect USING gin (lower(company_name) gin_trgm_ops);
CREATE INDEX prospect_contact_trgm ON prospect USING gin (lower((first_name || ' ') || last_name) gin_trgm_ops);
CREATE INDEX prospect_email_trgm ON prospect USING gin (lower(email) gin_trgm_ops);

-- The mail queue (MailSender.reserveNext): "status = 'QUEUED' AND next_attempt_at <= now() ORDER BY id LIMIT 1
-- FOR UPDATE SKIP LOCKED". mail_message_due is ordered by next_attempt_at, so PostgreSQL walked the primary
-- key past every mail already SENT to find the first queued one: 16 ms per mail at 18,000 mails, growing with
-- the log, and the mail queue fell minutes behind the signups. This index holds only queued mails, in id order.
CREATE INDEX mail_message_queued ON mail_message (id) WHERE status = 'QUEUED';
