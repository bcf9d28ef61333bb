-- Same-work baseline of scenario 3, Sales side: scratch copies of the tables the inbox writes when it applies a batch
-- of prospect.submitted events (onboarding.bridge.inbox.Inbox with the bulk ProspectSubmittedHandler and
-- SalesTimelineAnnotator), a sequence that hands out one batch of ids per nextval (the app's lead_seq hands out 50),
-- and one real lead (written by the bridge) as the template of the rows.
DROP TABLE IF EXISTS bench_drain_inbox, bench_drain_lead, bench_drain_link, bench_drain_timeline_entry,
    bench_drain_map_minute, bench_drain_lead_template;
DROP SEQUENCE IF EXISTS bench_drain_lead_seq;
CREATE SEQUENCE bench_drain_lead_seq INCREMENT BY :batch;
CREATE TABLE bench_drain_inbox (LIKE dualwrite_inbox INCLUDING ALL);
CREATE TABLE bench_drain_lead (LIKE lead INCLUDING ALL);
CREATE TABLE bench_drain_link (LIKE dualwrite_link INCLUDING ALL);
CREATE TABLE bench_drain_timeline_entry (LIKE timeline_entry INCLUDING ALL);
CREATE TABLE bench_drain_map_minute (LIKE dualwrite_map_minute INCLUDING ALL);
CREATE TABLE bench_drain_lead_template AS
SELECT * FROM lead WHERE origin = 'DUAL_WRITE' ORDER BY id DESC LIMIT 1;
SELECT count(*) FROM bench_drain_lead_template;
