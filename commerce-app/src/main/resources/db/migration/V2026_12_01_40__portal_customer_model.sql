-- The customer model of the partner portal (issue 12, DESIGN §3).
-- Persons: roles ADMIN, BUYER, APPROVER (USER becomes BUYER); INVITED -> ACTIVE <-> DEACTIVATED (PENDING_ACTIVATION is
-- now INVITED; PROSPECTIVE stays for customers before approval); limits per order and per calendar month (NULL: none;
-- order_limit replaces spending_limit); the language their mails are written in (the administrator's is the one the
-- prospect used on the signup page).
UPDATE customer SET role = 'BUYER' WHERE role = 'USER';
UPDATE customer SET status = 'INVITED' WHERE status = 'PENDING_ACTIVATION';
ALTER TABLE customer RENAME COLUMN spending_limit TO order_limit;
ALTER TABLE customer
    ADD COLUMN monthly_limit numeric(14, 2),
    ADD COLUMN language text;
UPDATE customer c SET language = p.language FROM prospect p WHERE p.id = c.prospect_id AND c.type = 'PERSON';

-- Organisations: the credit limit set by Commerce staff, its currency, and what orders on account use (PLACED) and
-- reserve (PENDING_APPROVAL). Orders change credit_used / credit_reserved with the organisation's row locked
-- (SELECT ... FOR UPDATE), so parallel orders are counted one after the other; the check below is the last word: the
-- sum of placed and pending orders never exceeds the limit, and no order is possible without a limit.
-- A limit inserted without a currency (SQL of the benchmark and the system tests) is in EUR, the default shop currency.
ALTER TABLE customer
    ADD COLUMN credit_currency text DEFAULT 'EUR',
    ADD COLUMN credit_used     numeric(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN credit_reserved numeric(14, 2) NOT NULL DEFAULT 0;
UPDATE customer SET credit_currency = NULL WHERE credit_limit IS NULL;
ALTER TABLE customer
    ADD CONSTRAINT customer_credit_currency CHECK (credit_limit IS NULL OR credit_currency IS NOT NULL),
    ADD CONSTRAINT customer_credit_within_limit CHECK (credit_used >= 0 AND credit_reserved >= 0
        AND credit_used + credit_reserved <= coalesce(credit_limit, 0));
