-- Alert rules of the dual-write console: "N errors of a map within M minutes" -> email and/or pause the map.

-- Failed delivery attempts of outgoing events (the peer answered FAILED, or could not be reached), one row per
-- event and attempt, appended where the relay records the outcome; the alert evaluator counts them per map in a
-- window and deletes rows older than the retention (7 days by default).
CREATE TABLE dualwrite_error (
    id          bigserial PRIMARY KEY,
    table_map   text        NOT NULL,
    event_id    uuid        NOT NULL,
    record      text        NOT NULL,          -- aggregate type and id, e.g. "account 42"
    message     text,
    occurred_at timestamptz NOT NULL DEFAULT now()
);
-- "errors of this map since ..." (per-map rules) and the pruning / all-maps count by time
CREATE INDEX dualwrite_error_map_time ON dualwrite_error (table_map, occurred_at);
CREATE INDEX dualwrite_error_time ON dualwrite_error (occurred_at);

-- What operators want to be told about. table_map NULL: every map, each counted on its own.
CREATE TABLE dualwrite_alert_rule (
    id             bigserial PRIMARY KEY,
    table_map      text,
    threshold      int         NOT NULL CHECK (threshold BETWEEN 1 AND 100000),
    window_minutes int         NOT NULL CHECK (window_minutes BETWEEN 1 AND 1440),
    email          text,
    pause_map      boolean     NOT NULL DEFAULT false,
    language       text        NOT NULL DEFAULT 'en',
    enabled        boolean     NOT NULL DEFAULT true,
    version        bigint      NOT NULL DEFAULT 0,
    created_by     text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (email IS NOT NULL OR pause_map)
);

-- Fired alerts: FIRING while cleared_at is NULL (at most one per rule and map, whichever process evaluates),
-- CLEARED once the count of the window is back below the threshold.
CREATE TABLE dualwrite_alert (
    id              bigserial PRIMARY KEY,
    rule_id         bigint REFERENCES dualwrite_alert_rule (id) ON DELETE SET NULL,
    table_map       text        NOT NULL,
    error_count     int         NOT NULL,
    threshold       int         NOT NULL,
    window_minutes  int         NOT NULL,
    last_error      text,
    paused          boolean     NOT NULL DEFAULT false,
    mail_to         text,
    mail_status     text,                      -- NULL (no email), SENDING, SENT, FAILED
    mail_error      text,
    mail_attempt_at timestamptz,               -- when SENDING began; a stale SENDING (crash) is sent again
    fired_at        timestamptz NOT NULL DEFAULT now(),
    cleared_at      timestamptz,
    acknowledged_by text,
    acknowledged_at timestamptz
);
CREATE UNIQUE INDEX dualwrite_alert_one_firing ON dualwrite_alert (rule_id, table_map) WHERE cleared_at IS NULL;
CREATE INDEX dualwrite_alert_recent ON dualwrite_alert (fired_at);
