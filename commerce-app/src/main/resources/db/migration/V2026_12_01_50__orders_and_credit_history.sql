-- Orders on account (/portal/orders, /hq/orders) and the credit history of each organisation.

-- Readable numbers OR-000001: one id at a time, so numbers follow each other.
CREATE SEQUENCE purchase_order_seq START 1 INCREMENT 1;

CREATE TABLE purchase_order (
    id                bigint         PRIMARY KEY,
    number            text           NOT NULL UNIQUE,
    organization_id   bigint         NOT NULL REFERENCES customer (id),
    organization_name text           NOT NULL,
    orderer_id        bigint         NOT NULL REFERENCES customer (id),
    orderer_name      text           NOT NULL,
    orderer_email     text,
    status            text           NOT NULL,     -- PLACED, PENDING_APPROVAL, REJECTED, CANCELLED
    total             numeric(14, 2) NOT NULL CHECK (total > 0),
    currency          text           NOT NULL,
    approval_reason   text,                         -- why it waits: ORDER_LIMIT, MONTHLY_LIMIT
    created_at        timestamptz    NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    rejection_reason  text,
    cancelled_by      text,
    cancelled_at      timestamptz,
    version           bigint         NOT NULL DEFAULT 0
);
CREATE INDEX purchase_order_created ON purchase_order (created_at DESC, id DESC);
CREATE INDEX purchase_order_status_created ON purchase_order (status, created_at DESC, id DESC);
CREATE INDEX purchase_order_organization ON purchase_order (organization_id, created_at DESC, id DESC);
-- the orderer's spend of a month (per-month limit) and their own orders
CREATE INDEX purchase_order_orderer ON purchase_order (orderer_id, created_at DESC, id DESC);

-- The lines as ordered: product, names and unit price copied at confirmation (a later price change is not the order's).
CREATE TABLE purchase_order_line (
    order_id   bigint         NOT NULL REFERENCES purchase_order (id),
    line_no    int            NOT NULL,
    product_id bigint         REFERENCES product (id),
    sku        text           NOT NULL,
    name_en    text           NOT NULL,
    name_fr    text           NOT NULL,
    unit_price numeric(12, 2) NOT NULL,
    quantity   int            NOT NULL CHECK (quantity > 0),
    line_total numeric(14, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Every change of an organisation's credit, with what it left: limit, used, reserved, available. Ids in blocks of 50
-- (onboarding.ui.persistence.Sequences). An entry and its new order are written at the same flush, in whatever order
-- Hibernate puts the two tables: the reference to the order is checked at commit.
CREATE SEQUENCE credit_entry_seq START 1 INCREMENT 50;
CREATE TABLE credit_entry (
    id              bigint         PRIMARY KEY,
    organization_id bigint         NOT NULL REFERENCES customer (id),
    kind            text           NOT NULL,     -- ALLOCATED, CHANGED, ORDER_PLACED, ORDER_RESERVED, ORDER_APPROVED,
                                                 -- ORDER_REJECTED, ORDER_CANCELLED, PAYMENT_RECORDED
    amount          numeric(14, 2) NOT NULL,
    currency        text           NOT NULL,
    credit_limit    numeric(14, 2) NOT NULL,
    used            numeric(14, 2) NOT NULL,
    reserved        numeric(14, 2) NOT NULL,
    available       numeric(14, 2) NOT NULL,
    actor           text           NOT NULL,
    order_id        bigint         REFERENCES purchase_order (id) DEFERRABLE INITIALLY DEFERRED,
    order_number    text,
    reason          text,                        -- staff only (never shown on the portal)
    created_at      timestamptz    NOT NULL
);
CREATE INDEX credit_entry_organization ON credit_entry (organization_id, created_at DESC, id DESC);
