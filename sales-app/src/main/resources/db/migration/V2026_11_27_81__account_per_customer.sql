-- One account per Commerce organisation customer: the initial sync of customers-to-accounts upserts on it, so
-- running it twice (or replaying it) updates the account instead of creating a second one.
ALTER TABLE account ADD COLUMN commerce_customer_id bigint;
ALTER TABLE account ADD CONSTRAINT account_commerce_customer UNIQUE (commerce_customer_id);
