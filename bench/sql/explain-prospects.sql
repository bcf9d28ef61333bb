-- The queries behind the All prospects pages, as Hibernate sends them for ProspectService.search, with EXPLAIN
-- ANALYZE, for the diagnosis of a slow page. Lists read the page's ids first, then 25 rows by id (cheap, not
-- shown); counts stop ten pages ahead (count of at most 276 rows on page 1). Text searches select the matching
-- ids in a MATERIALIZED CTE (at most 10,001) and count them in the same statement: the trigram index on search_text
-- is asked for the text's rare words (SearchWords), the whole text is looked for in the rows found.
-- Variables: :company, :email, :name (the searched texts, lower case) and :company_index, :email_index, :name_index
-- (the index condition, SQL, as the app builds it for those texts).
\echo '### first page: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM prospect p ORDER BY p.submitted_at DESC, p.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
\echo '### first page: count'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (SELECT 1 FROM prospect p ORDER BY 1 FETCH FIRST 276 ROWS ONLY) c;
\echo '### status NEW: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM prospect p WHERE p.status = 'NEW' ORDER BY p.submitted_at DESC, p.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
\echo '### status NEW: count'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (SELECT 1 FROM prospect p WHERE p.status = 'NEW' ORDER BY 1 FETCH FIRST 276 ROWS ONLY) c;
\echo '### search company: list'
EXPLAIN (ANALYZE, BUFFERS) WITH matching AS MATERIALIZED (SELECT id, submitted_at FROM prospect WHERE ((:company_index AND strpos(search_text, :'company') > 0) OR number = upper(:'company')) LIMIT 10001) SELECT id, count(*) OVER () FROM matching ORDER BY submitted_at DESC, id DESC OFFSET 0 LIMIT 25;
\echo '### search email: list'
EXPLAIN (ANALYZE, BUFFERS) WITH matching AS MATERIALIZED (SELECT id, submitted_at FROM prospect WHERE ((:email_index AND strpos(search_text, :'email') > 0) OR number = upper(:'email')) LIMIT 10001) SELECT id, count(*) OVER () FROM matching ORDER BY submitted_at DESC, id DESC OFFSET 0 LIMIT 25;
\echo '### search name: list'
EXPLAIN (ANALYZE, BUFFERS) WITH matching AS MATERIALIZED (SELECT id, submitted_at FROM prospect WHERE ((:name_index AND strpos(search_text, :'name') > 0) OR number = upper(:'name')) LIMIT 10001) SELECT id, count(*) OVER () FROM matching ORDER BY submitted_at DESC, id DESC OFFSET 0 LIMIT 25;
\echo '### page 500: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM prospect p ORDER BY p.submitted_at DESC, p.id DESC OFFSET 12475 ROWS FETCH FIRST 25 ROWS ONLY;
