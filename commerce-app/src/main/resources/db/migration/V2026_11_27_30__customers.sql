-- Customers: organisations (from Sales accounts) and persons (from Sales contacts), in a hierarchy.
CREATE SEQUENCE customer_seq START 1 INCREMENT 1;

CREATE TABLE customer (
    id             bigint PRIMARY KEY,
    number         text        NOT NULL UNIQUE,
    type           text        NOT NULL,             -- ORGANIZATION, PERSON
    status         text        NOT NULL,             -- PROSPECTIVE, ACTIVE, PENDING_ACTIVATION
    name           text        NOT NULL,
    first_name     text,
    last_name      text,
    email          text,
    phone          text,
    street         text,
    city           text,
    postal_code    text,
    country_code   text,
    vat_number     text,
    website        text,
    parent_id      bigint REFERENCES customer (id),
    role           text,                             -- persons: ADMIN, USER
    credit_limit   numeric(14, 2),                   -- organisations
    spending_limit numeric(14, 2),                   -- persons
    prospect_id    bigint REFERENCES prospect (id),
    password_hash  text,
    activated_at   timestamptz,
    created_at     timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0
);
CREATE INDEX customer_parent ON customer (parent_id);
CREATE INDEX customer_prospect ON customer (prospect_id);
CREATE INDEX customer_email ON customer (lower(email));
CREATE INDEX customer_vat ON customer (vat_number);
CREATE INDEX customer_type_created ON customer (type, created_at DESC, id DESC);

-- One-time activation links for partner administrators (only the SHA-256 of the token is stored).
CREATE TABLE activation_token (
    id          bigserial PRIMARY KEY,
    customer_id bigint      NOT NULL REFERENCES customer (id),
    token_hash  text        NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE prospect
    ADD COLUMN organization_customer_id bigint REFERENCES customer (id),
    ADD COLUMN person_customer_id       bigint REFERENCES customer (id),
    ADD COLUMN opportunity_number       text,
    ADD COLUMN decision_reason          text,
    ADD COLUMN reason_shareable         boolean NOT NULL DEFAULT false,
    ADD COLUMN decided_by               text,
    ADD COLUMN decided_at               timestamptz;
CREATE INDEX prospect_vat ON prospect (vat_number);
