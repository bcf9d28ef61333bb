-- The queries behind the All prospects pages, as Hibernate sends them for ProspectService.search (list with
-- OFFSET/FETCH FIRST 25, then count), with EXPLAIN ANALYZE, for the diagnosis of a slow page.
-- Variables: :company, :email, :name (LIKE patterns, lower case).
\echo '### first page: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM prospect p ORDER BY p.submitted_at DESC, p.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
\echo '### first page: count'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM prospect p;
\echo '### status NEW: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM prospect p WHERE p.status = 'NEW' ORDER BY p.submitted_at DESC, p.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
\echo '### status NEW: count'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM prospect p WHERE p.status = 'NEW';
\echo '### search company: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM prospect p WHERE (lower(p.company_name) LIKE :'company' ESCAPE '' OR lower(((p.first_name || ' ') || p.last_name)) LIKE :'company' ESCAPE '' OR lower(p.email) LIKE :'company' ESCAPE '' OR p.number = upper(trim(both '%' from :'company'))) ORDER BY p.submitted_at DESC, p.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
\echo '### search company: count'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM prospect p WHERE (lower(p.company_name) LIKE :'company' ESCAPE '' OR lower(((p.first_name || ' ') || p.last_name)) LIKE :'company' ESCAPE '' OR lower(p.email) LIKE :'company' ESCAPE '' OR p.number = upper(trim(both '%' from :'company')));
\echo '### search email: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM prospect p WHERE (lower(p.company_name) LIKE :'email' ESCAPE '' OR lower(((p.first_name || ' ') || p.last_name)) LIKE :'email' ESCAPE '' OR lower(p.email) LIKE :'email' ESCAPE '' OR p.number = upper(trim(both '%' from :'email'))) ORDER BY p.submitted_at DESC, p.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
\echo '### search name: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM prospect p WHERE (lower(p.company_name) LIKE :'name' ESCAPE '' OR lower(((p.first_name || ' ') || p.last_name)) LIKE :'name' ESCAPE '' OR lower(p.email) LIKE :'name' ESCAPE '' OR p.number = upper(trim(both '%' from :'name'))) ORDER BY p.submitted_at DESC, p.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
\echo '### search name: count'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM prospect p WHERE (lower(p.company_name) LIKE :'name' ESCAPE '' OR lower(((p.first_name || ' ') || p.last_name)) LIKE :'name' ESCAPE '' OR lower(p.email) LIKE :'name' ESCAPE '' OR p.number = upper(trim(both '%' from :'name')));
\echo '### page 500: list'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM prospect p ORDER BY p.submitted_at DESC, p.id DESC OFFSET 12475 ROWS FETCH FIRST 25 ROWS ONLY;
