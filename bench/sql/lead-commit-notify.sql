-- Scenario 2 and the peer (answer → lead committed, seen outside both apps): every lead inserted in this Sales bench
-- database notifies its prospect number on the channel bench_lead_committed. PostgreSQL delivers a notification when
-- the inserting transaction commits (and never when it rolls back), so the load generator's LISTEN connection
-- (onboarding.bench.LeadCommits) learns of the commit itself, from outside both apps. Installed for the latency
-- measurements only and dropped after them (lead-commit-notify-drop.sql): the drains run without it.
CREATE OR REPLACE FUNCTION bench_lead_committed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bench_lead_committed', NEW.prospect_number);
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS bench_lead_committed ON lead;
CREATE TRIGGER bench_lead_committed AFTER INSERT ON lead FOR EACH ROW EXECUTE FUNCTION bench_lead_committed();
