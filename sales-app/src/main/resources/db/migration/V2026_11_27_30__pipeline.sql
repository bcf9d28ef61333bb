-- The sales pipeline: lead decisions, accounts, contacts and opportunities.

-- Lead: the Commerce prospect it came from, and the decision taken on it.
ALTER TABLE lead
    ADD COLUMN prospect_id      bigint,
    ADD COLUMN decision_reason  text,
    ADD COLUMN reason_shareable boolean NOT NULL DEFAULT false,
    ADD COLUMN decided_by       text,
    ADD COLUMN decided_at       timestamptz,
    ADD COLUMN opportunity_id   bigint;
-- leads replicated before this column existed: their prospect is the remote side of their record link
UPDATE lead SET prospect_id = CAST(l.remote_id AS bigint)
  FROM dualwrite_link l
 WHERE l.table_map = 'prospects-to-leads' AND l.local_id = CAST(lead.id AS text) AND lead.prospect_id IS NULL;
-- duplicate detection: same VAT number, same email domain
CREATE INDEX lead_vat ON lead (upper(vat_number)) WHERE vat_number IS NOT NULL;
CREATE INDEX lead_email_domain ON lead (lower(split_part(email, '@', 2)));

-- Accounts: the organisations Sales does business with (become organisation customers in Commerce).
CREATE SEQUENCE account_seq START 1 INCREMENT 1;
CREATE TABLE account (
    id                 bigint PRIMARY KEY,
    number             text        NOT NULL UNIQUE,
    name               text        NOT NULL,
    street             text,
    city               text,
    postal_code        text,
    country_code       text,
    vat_number         text,
    website            text,
    -- true once Commerce has been told about this account (a customer exists there): edits are replicated
    known_to_commerce  boolean     NOT NULL DEFAULT false,
    correlation_id     text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0
);
CREATE INDEX account_vat ON account (upper(vat_number)) WHERE vat_number IS NOT NULL;
CREATE INDEX account_created ON account (created_at DESC, id DESC);

-- Contacts: people at an account (become person customers in Commerce).
CREATE SEQUENCE contact_seq START 1 INCREMENT 1;
CREATE TABLE contact (
    id                 bigint PRIMARY KEY,
    number             text        NOT NULL UNIQUE,
    account_id         bigint      REFERENCES account (id),
    first_name         text        NOT NULL,
    last_name          text        NOT NULL,
    email              text        NOT NULL,
    phone              text,
    known_to_commerce  boolean     NOT NULL DEFAULT false,
    correlation_id     text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0
);
CREATE INDEX contact_account ON contact (account_id);
CREATE INDEX contact_email ON contact (lower(email));
CREATE INDEX contact_email_domain ON contact (lower(split_part(email, '@', 2)));

-- Opportunities: a qualified lead being worked towards a decision.
CREATE SEQUENCE opportunity_seq START 1 INCREMENT 1;
CREATE TABLE opportunity (
    id                 bigint PRIMARY KEY,
    number             text        NOT NULL UNIQUE,
    name               text        NOT NULL,
    status             text        NOT NULL,
    account_id         bigint      NOT NULL REFERENCES account (id),
    contact_id         bigint      REFERENCES contact (id),
    lead_id            bigint      REFERENCES lead (id),
    owner              text,
    close_reason       text,
    reason_shareable   boolean     NOT NULL DEFAULT false,
    closed_by          text,
    closed_at          timestamptz,
    correlation_id     text,
    created_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0
);
CREATE INDEX opportunity_created ON opportunity (created_at DESC, id DESC);
CREATE INDEX opportunity_account ON opportunity (account_id);
CREATE UNIQUE INDEX opportunity_one_per_lead ON opportunity (lead_id) WHERE lead_id IS NOT NULL;
