-- Timelines of records in each app: who did what, and what replication did, in the language of the reader
-- (entries hold a message key and its arguments, rendered at display time).
CREATE TABLE timeline_entry (
    id             bigserial PRIMARY KEY,
    record_type    text        NOT NULL,
    record_id      text        NOT NULL,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    source         text        NOT NULL,             -- USER, SYSTEM, DUAL_WRITE
    message_key    text        NOT NULL,
    arg0           text,
    arg1           text,
    link_url       text,
    correlation_id text
);
CREATE INDEX timeline_entry_record ON timeline_entry (record_type, record_id, occurred_at);
