-- Dual-write bridge tables, the same in both apps' databases.

-- Named replicated entity pairs; a paused map keeps its events waiting in the outbox.
CREATE TABLE dualwrite_map (
    name        text PRIMARY KEY,
    state       text NOT NULL DEFAULT 'RUNNING',
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Per-record sequence numbers (order of delivery per record).
CREATE TABLE dualwrite_sequence (
    aggregate_type text   NOT NULL,
    aggregate_id   text   NOT NULL,
    last_seq       bigint NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id)
);

-- Outgoing events, written in the same transaction as the business change.
CREATE TABLE dualwrite_outbox (
    id              bigserial PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    table_map       text        NOT NULL,
    aggregate_type  text        NOT NULL,
    aggregate_id    text        NOT NULL,
    seq             bigint      NOT NULL,
    event_type      text        NOT NULL,
    schema_version  int         NOT NULL,
    origin          text        NOT NULL,
    correlation_id  text,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING',  -- PENDING, INFLIGHT, DELIVERED, DEAD, SKIPPED
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    last_error      text,
    remote_id       text,
    remote_label    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    UNIQUE (aggregate_type, aggregate_id, seq)
);
-- what the relay may claim
CREATE INDEX dualwrite_outbox_claimable ON dualwrite_outbox (id) WHERE status IN ('PENDING', 'INFLIGHT');
-- "is an earlier event of this record still undelivered?"
CREATE INDEX dualwrite_outbox_open_per_record ON dualwrite_outbox (aggregate_type, aggregate_id, seq)
    WHERE status NOT IN ('DELIVERED', 'SKIPPED');
CREATE INDEX dualwrite_outbox_map_status ON dualwrite_outbox (table_map, status);

-- Incoming events applied here, keyed by event id: a second delivery is acknowledged and skipped.
CREATE TABLE dualwrite_inbox (
    event_id        uuid PRIMARY KEY,
    table_map       text        NOT NULL,
    aggregate_type  text        NOT NULL,
    aggregate_id    text        NOT NULL,
    seq             bigint      NOT NULL,
    event_type      text        NOT NULL,
    schema_version  int         NOT NULL,
    origin          text        NOT NULL,
    correlation_id  text,
    occurred_at     timestamptz NOT NULL,
    applied_at      timestamptz NOT NULL DEFAULT now(),
    result_id       text,
    result_label    text
);
CREATE INDEX dualwrite_inbox_record ON dualwrite_inbox (aggregate_type, aggregate_id, seq);

-- Record links: (table map, local id) <-> remote id.
CREATE TABLE dualwrite_link (
    table_map    text NOT NULL,
    local_id     text NOT NULL,
    remote_id    text NOT NULL,
    remote_label text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (table_map, local_id),
    UNIQUE (table_map, remote_id)
);
