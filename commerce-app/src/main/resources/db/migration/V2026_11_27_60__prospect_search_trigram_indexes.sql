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
