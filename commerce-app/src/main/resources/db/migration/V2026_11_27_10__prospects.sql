-- Partner applications from the B2B site.
CREATE SEQUENCE prospect_seq START 1 INCREMENT 1;

CREATE TABLE prospect (
    id                 bigint PRIMARY KEY,
    number             text        NOT NULL UNIQUE,
    status             text        NOT NULL,
    company_name       text        NOT NULL,
    first_name         text        NOT NULL,
    last_name          text        NOT NULL,
    email              text        NOT NULL,
    phone              text        NOT NULL,
    street             text        NOT NULL,
    city               text        NOT NULL,
    postal_code        text        NOT NULL,
    country_code       char(2)     NOT NULL,
    vat_number         text,
    website            text,
    message            text,
    language           text        NOT NULL,
    correlation_id     text        NOT NULL,
    submitted_at       timestamptz NOT NULL,
    replication_status text        NOT NULL,
    lead_id            text,
    lead_number        text,
    version            bigint      NOT NULL DEFAULT 0
);
CREATE INDEX prospect_status_submitted ON prospect (status, submitted_at DESC, id DESC);
CREATE INDEX prospect_submitted ON prospect (submitted_at DESC, id DESC);
CREATE INDEX prospect_email ON prospect (lower(email));

-- Every email the app sends, with its delivery status; the queue that survives a mail server outage.
CREATE TABLE mail_message (
    id              bigserial PRIMARY KEY,
    kind            text        NOT NULL,
    recipient       text        NOT NULL,
    language        text        NOT NULL,
    subject         text        NOT NULL,
    body_html       text        NOT NULL,
    body_text       text        NOT NULL,
    status          text        NOT NULL,        -- QUEUED, SENT, FAILED
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error      text,
    prospect_id     bigint REFERENCES prospect (id),
    resend_of       bigint REFERENCES mail_message (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX mail_message_due ON mail_message (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX mail_message_prospect ON mail_message (prospect_id);
