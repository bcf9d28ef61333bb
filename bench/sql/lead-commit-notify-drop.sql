DROP TRIGGER IF EXISTS bench_lead_committed ON lead;
DROP FUNCTION IF EXISTS bench_lead_committed();
