-- The queries behind the All prospects pages, as Hibernate sends them for ProspectService.search, with EXPLAIN
-- ANALYZE, for the diagnosis of a slow page. Lists read the page's ids first, then 25 rows by id (cheap, not
-- shown); counts stop ten pages ahead (count of at most 276 rows on page 1). Text searches select the matching
-- ids in a MATERIALIZED CTE (at most 10,001) and count them in the same statement.
-- Variables: :company, :email, :name (LIKE patterns, lower case; a text with a space is not searched in emails).
\echo '### first page: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM prospect p ORDER BY p.submitted_at DESC, p.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
\echo '### first page: count'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (SELECT 1 FROM prospect p ORDER BY 1 FETCH FIRST 276 ROWS ONLY) c;
\echo '### status NEW: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM prospect p WHERE p.status = 'NEW' ORDER BY p.submitted_at DESC, p.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
\echo '### status NEW: count'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (SELECT 1 FROM prospect p WHERE p.status = 'NEW' ORDER BY 1 FETCH FIRST 276 ROWS ONLY) c;
\echo '### search company: list'
EXPLAIN (ANALYZE, BUFFERS) WITH matching AS MATERIALIZED (SELECT id, submitted_at FROM prospect WHERE (lower(company_name) LIKE :'company' ESCAPE '!' OR lower((first_name || ' ') || last_name) LIKE :'company' ESCAPE '!' OR number = upper(trim(both '%' from :'company'))) LIMIT 10001) SELECT id, count(*) OVER () FROM matching ORDER BY submitted_at DESC, id DESC OFFSET 0 LIMIT 25;
\echo '### search email: list'
EXPLAIN (ANALYZE, BUFFERS) WITH matching AS MATERIALIZED (SELECT id, submitted_at FROM prospect WHERE (lower(company_name) LIKE :'email' ESCAPE '!' OR lower((first_name || ' ') || last_name) LIKE :'email' ESCAPE '!' OR lower(email) LIKE :'email' ESCAPE '!' OR number = upper(trim(both '%' from :'email'))) LIMIT 10001) SELECT id, count(*) OVER () FROM matching ORDER BY submitted_at DESC, id DESC OFFSET 0 LIMIT 25;
\echo '### search name: list'
EXPLAIN (ANALYZE, BUFFERS) WITH matching AS MATERIALIZED (SELECT id, submitted_at FROM prospect WHERE (lower(company_name) LIKE :'name' ESCAPE '!' OR lower((first_name || ' ') || last_name) LIKE :'name' ESCAPE '!' OR number = upper(trim(both '%' from :'name'))) LIMIT 10001) SELECT id, count(*) OVER () FROM matching ORDER BY submitted_at DESC, id DESC OFFSET 0 LIMIT 25;
\echo '### page 500: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM prospect p ORDER BY p.submitted_at DESC, p.id DESC OFFSET 12475 ROWS FETCH FIRST 25 ROWS ONLY;
