-- Scenario 4: one chunk of old prospects for the All prospects page, by generate_series (:n rows, numbered
-- from :from). About 2 % NEW, 2 % IN_REVIEW, the rest approved or rejected; 20 × 5 company names, 20 × 20
-- contact names, one email and VAT number each; submitted over the past year (older than any signup of the run).
INSERT INTO prospect (id, number, status, company_name, first_name, last_name, email, phone, street, city,
    postal_code, country_code, vat_number, website, message, language, correlation_id, submitted_at,
    replication_status, lead_id, lead_number, version, reason_shareable)
SELECT s.id, 'PR-' || lpad(s.id::text, greatest(6, length(s.id::text)), '0'),
       CASE WHEN g % 50 = 0 THEN 'NEW' WHEN g % 50 = 1 THEN 'IN_REVIEW' WHEN g % 3 = 0 THEN 'REJECTED' ELSE 'APPROVED' END,
       c.word || ' ' || (ARRAY['Trading','Industries','Logistics','Foods','Systems'])[(g / 20) % 5 + 1] || ' ' || g || ' GmbH',
       f.name, l.name,
       lower(f.name) || '.' || lower(l.name) || '.' || g || '@' || lower(c.word) || '-' || g || '.example',
       '+49 30 ' || (1000000 + g % 9000000), 'Industriestrasse ' || (g % 300 + 1),
       (ARRAY['Berlin','Paris','Lyon','Hamburg','Vienna','Amsterdam'])[g % 6 + 1], lpad((10000 + g % 89999)::text, 5, '0'),
       (ARRAY['DE','FR','FR','DE','AT','NL'])[g % 6 + 1], 'DE' || lpad(g::text, 9, '0'),
       'https://www.' || lower(c.word) || '-' || g || '.example', 'Application for an account.',
       CASE WHEN g % 4 = 0 THEN 'fr' ELSE 'en' END, md5(g::text), now() - interval '400 days' + g * interval '30 seconds',
       'REPLICATED', g::text, 'L-' || lpad(g::text, greatest(6, length(g::text)), '0'), 0, false
  FROM (SELECT nextval('prospect_seq') AS id, g FROM generate_series(:from, :from + :n - 1) g) s
 CROSS JOIN LATERAL (SELECT (ARRAY['Acme','Globex','Initech','Umbrella','Stark','Wayne','Hooli','Vandelay','Soylent',
        'Tyrell','Cyberdyne','Wonka','Oscorp','Aperture','Gringotts','Monarch','Duff','Krusty','Nakatomi','Zorg'])[s.g % 20 + 1] AS word) c
 CROSS JOIN LATERAL (SELECT (ARRAY['Anna','Louis','Marie','Jonas','Emma','Paul','Lea','Hugo','Sofia','Lukas','Chloe',
        'Felix','Ines','Noah','Clara','Elias','Jade','Leon','Mila','Theo'])[s.g % 20 + 1] AS name) f
 CROSS JOIN LATERAL (SELECT (ARRAY['Schmidt','Martin','Muller','Bernard','Weber','Dubois','Fischer','Laurent',
        'Wagner','Moreau','Becker','Simon','Hoffmann','Michel','Koch','Lefebvre','Richter','Garcia','Klein','Roux'])[(s.g / 20) % 20 + 1] AS name) l;
