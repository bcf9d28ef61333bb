-- Initial sync of a table map: copies every existing source record to the peer, in batches, resumable.
CREATE TABLE dualwrite_sync (
    table_map   text PRIMARY KEY,
    state       text        NOT NULL,      -- RUNNING, DONE, FAILED
    total       bigint      NOT NULL,
    done        bigint      NOT NULL DEFAULT 0,
    last_key    text,
    last_error  text,
    started_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
