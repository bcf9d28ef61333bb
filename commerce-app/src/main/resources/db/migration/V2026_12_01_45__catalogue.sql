-- The catalogue of the B2B shop (/hq/products). Prices are in the shop currency (commerce.shop.currencies, first).
CREATE TABLE product (
    id         bigserial PRIMARY KEY,
    sku        text           NOT NULL UNIQUE CHECK (sku ~ '^[A-Z0-9-]{2,32}$'),
    name_en    text           NOT NULL,
    name_fr    text           NOT NULL,
    unit_price numeric(12, 2) NOT NULL CHECK (unit_price > 0),
    active     boolean        NOT NULL DEFAULT true,
    created_at timestamptz    NOT NULL,
    updated_at timestamptz,
    version    bigint         NOT NULL DEFAULT 0
);
