-- Leads: prospective customers, from Commerce (dual-write) or entered by hand.
CREATE SEQUENCE lead_seq START 1 INCREMENT 1;

CREATE TABLE lead (
    id              bigint PRIMARY KEY,
    number          text        NOT NULL UNIQUE,
    status          text        NOT NULL,
    origin          text        NOT NULL,
    owner           text,
    first_name      text        NOT NULL,
    last_name       text        NOT NULL,
    email           text        NOT NULL,
    phone           text,
    company_name    text        NOT NULL,
    street          text,
    city            text,
    postal_code     text,
    country_code    text,
    vat_number      text,
    website         text,
    message         text,
    language        text,
    prospect_number text,
    prospect_url    text,
    correlation_id  text,
    created_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX lead_origin_created ON lead (origin, created_at DESC, id DESC);
CREATE INDEX lead_owner_status ON lead (owner, status, created_at DESC);
CREATE INDEX lead_email ON lead (lower(email));
