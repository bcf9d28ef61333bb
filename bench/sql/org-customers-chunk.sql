-- :n organisation customers numbered from :from, as a shop has them before the bridge (scenario 6, initial sync).
INSERT INTO customer (id, number, type, status, name, street, city, postal_code, country_code, vat_number, website,
                      credit_limit, created_at)
SELECT id, 'CU-' || lpad(id::text, greatest(6, length(id::text)), '0'), 'ORGANIZATION', 'ACTIVE',
       'Bench Organisation ' || g, g || ' Industriestraße', (ARRAY['Berlin', 'Lyon', 'Milano', 'Madrid'])[g % 4 + 1],
       lpad((g % 99999)::text, 5, '0'), (ARRAY['DE', 'FR', 'IT', 'ES'])[g % 4 + 1],
       (ARRAY['DE', 'FR', 'IT', 'ES'])[g % 4 + 1] || lpad(g::text, 11, '0'), 'https://org-' || g || '.bench.example',
       10000, now()
  FROM (SELECT nextval('customer_seq') AS id, g FROM generate_series(:from, :from + :n - 1) g) s;
